// 我的提醒 (M-27): the daily job's reminders for this account — a week before a duty is due and once it is overdue — as
// a bell in the header with the unread count. Opening one marks it read and goes where it points (我的监督责任).
// Asked on load, on each page change and every five minutes; the list is the server's, newest first.
import { useCallback, useEffect, useState } from 'react';
import { Badge, Button, Empty, List, Popover, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useLocation, useNavigate } from 'react-router-dom';
import { api, get } from '../api';
import { useI18n } from '../i18n';
import type { Notification as Note, Notifications as Inbox } from '@api';
import { beijingTime } from '../time';

export function NotificationBell() {
  const { t } = useI18n();
  const nav = useNavigate();
  const { pathname } = useLocation();
  const [inbox, setInbox] = useState<Inbox>();
  const [open, setOpen] = useState(false);
  const load = useCallback(() => {
    get<Inbox>('/api/v1/my/notifications')
      .then(setInbox)
      .catch(() => {});
  }, []);
  useEffect(() => {
    load();
  }, [load, pathname]);
  useEffect(() => {
    const id = setInterval(load, 5 * 60_000);
    return () => clearInterval(id);
  }, [load]);
  const openNote = async (n: Note) => {
    setOpen(false);
    if (!n.read) await api('POST', `/api/v1/my/notifications/${n.id}/read`).catch(() => {});
    load();
    if (n.link) nav(n.link);
  };
  const list = (
    <div style={{ width: 380, maxHeight: 420, overflow: 'auto' }} data-testid="notification-list">
      {inbox?.items.length ? (
        <List
          size="small"
          dataSource={inbox.items}
          renderItem={(n) => (
            <List.Item
              style={{ cursor: 'pointer' }}
              onClick={() => void openNote(n)}
              data-testid={`notification-${n.id}`}
            >
              <List.Item.Meta
                title={
                  <Typography.Text strong={!n.read} type={n.kind.endsWith('overdue') ? 'danger' : undefined}>
                    {n.title}
                  </Typography.Text>
                }
                description={beijingTime(n.at)}
              />
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('暂无提醒', 'No reminders')} />
      )}
    </div>
  );
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      title={t('我的提醒', 'My reminders')}
      content={list}
    >
      <Badge count={inbox?.unread ?? 0} size="small" overflowCount={99}>
        <Button
          type="text"
          size="small"
          icon={<BellOutlined style={{ color: '#fff', fontSize: 18 }} />}
          aria-label={t('我的提醒', 'My reminders')}
          data-testid="notification-bell"
        />
      </Badge>
    </Popover>
  );
}
