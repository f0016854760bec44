-- Flags carry their message in English too, for the workbench's English switch.
ALTER TABLE cadre_flags ADD COLUMN message_en text;
