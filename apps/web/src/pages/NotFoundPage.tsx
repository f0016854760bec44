// Not found and out of scope look the same: the server answers 404 for both, and so does the page.
import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../i18n';

export function NotFoundPage() {
  const { t } = useI18n();
  const nav = useNavigate();
  return (
    <Result
      status="404"
      title={t('未找到', 'Not found')}
      data-testid="not-found"
      subTitle={t(
        '该页面或记录不存在，或不在您的查看范围内。',
        'This page or record does not exist, or is outside what you may see.',
      )}
      extra={
        <Button type="primary" onClick={() => nav('/')}>
          {t('返回工作台', 'Back to the dashboard')}
        </Button>
      }
    />
  );
}
