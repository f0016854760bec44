// The people a record concerns, inside the activity form: for a hearing each person heard with a verdict (履责不到位
// opens a 约谈 for the chair) and a comment; for a reminder or a report upward, the people concerned. `people` labels
// the preset ids (a duty's subject) before any search.
import { Button, Col, Form, Input, Row, Select } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n';
import { CadreSelect, type Person } from './CadreSelect';
import { useObligationDicts, VERDICTS, type SubjectsRule, type Verdict } from './obligationDicts';

export function SubjectsField({ rule, people }: { rule: SubjectsRule; people: Person[] }) {
  const { t } = useI18n();
  const { verdict } = useObligationDicts();
  const form = Form.useFormInstance();
  const hearing = rule === 'verdict';
  const need = hearing
    ? t('请至少添加一名汇报人', 'Add at least one person heard')
    : t('请至少添加一名干部', 'Add at least one cadre');
  return (
    <Form.List
      name="subjects"
      rules={[
        {
          validator: async (_, v?: unknown[]) => {
            if (!v?.length) throw new Error(need);
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((f, i) => {
            const id = form.getFieldValue(['subjects', f.name, 'cadreId']) as number | undefined;
            return (
              <Row key={f.key} gutter={8} wrap={false}>
                <Col span={hearing ? 8 : 10}>
                  <Form.Item
                    name={[f.name, 'cadreId']}
                    rules={[{ required: true, message: t('请选择干部', 'Choose the cadre') }]}
                  >
                    <CadreSelect initial={people.find((p) => p.id === id)} testId={`subject-${i}`} />
                  </Form.Item>
                </Col>
                {hearing && (
                  <Col span={6}>
                    <Form.Item
                      name={[f.name, 'verdict']}
                      rules={[{ required: true, message: t('请选择评价', 'Choose a verdict') }]}
                    >
                      <Select
                        placeholder={t('评价', 'Verdict')}
                        data-testid={`verdict-${i}`}
                        options={(Object.keys(VERDICTS) as Verdict[]).map((v) => ({ value: v, label: verdict(v) }))}
                      />
                    </Form.Item>
                  </Col>
                )}
                <Col flex="auto">
                  <Form.Item name={[f.name, 'comment']}>
                    <Input
                      maxLength={1000}
                      placeholder={
                        hearing ? t('评价意见（选填）', 'Comment (optional)') : t('说明（选填）', 'Note (optional)')
                      }
                      data-testid={`comment-${i}`}
                    />
                  </Form.Item>
                </Col>
                <Col flex="none">
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined />}
                    onClick={() => remove(f.name)}
                    aria-label={t('移除', 'Remove')}
                  />
                </Col>
              </Row>
            );
          })}
          <Form.ErrorList errors={errors} />
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} data-testid="add-subject">
            {hearing ? t('添加汇报人', 'Add a person heard') : t('添加干部', 'Add a cadre')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
