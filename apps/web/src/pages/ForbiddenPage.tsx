// A page the role may not use: said plainly, instead of an empty table behind a refused request.
import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../i18n';

export function ForbiddenPage() {
  const { t } = useI18n();
  const nav = useNavigate();
  return (
    <Result
      status="403"
      title={t('无权访问', 'Not allowed')}
      data-testid="forbidden"
      subTitle={t(
        '您的角色不能使用此页面。如需使用，请联系系统管理员。',
        'Your role may not use this page. Ask the administrator if you need it.',
      )}
      extra={
        <Button type="primary" onClick={() => nav('/')}>
          {t('返回首页', 'Back to start')}
        </Button>
      }
    />
  );
}

/** The landing page of a role with no pages yet (联席成员单位: notifications come with a later module). */
export function NothingYetPage() {
  const { t } = useI18n();
  return (
    <Result
      status="info"
      title={t('本角色暂无可用功能', 'Nothing to use yet for this role')}
      data-testid="nothing-yet"
      subTitle={t(
        '联席成员单位向平台通报干部情况、查看转交事项的功能将在后续版本提供。',
        'Sending notifications about cadres and seeing what is routed to your unit will come in a later version.',
      )}
    />
  );
}
