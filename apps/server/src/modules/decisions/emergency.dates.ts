// Calendar days between two dates (YYYY-MM-DD), as M-34 counts them (`004` 三天内: the day of the decision not counted).
export const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
