import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { PolicyMatch } from '@contract/policy';
import type { Enterprise } from '@contract/enterprise';
import { CalculatorScreen } from '@/features/policies/calculator-screen';
import { taroMock } from '../taro-stub';
import { ENTERPRISE, USER, backend, freshApp, on, signedIn } from '../helpers';
import { listItem } from './fixtures';

jest.mock('@tarojs/taro', () => jest.requireActual('./taro-extra'));

beforeEach(freshApp);

const subscriptions = on('GET', '/api/v1/me/subscriptions', () => ({ statusCode: 200, data: { templates: [] } }));

function matches(registeredOn: string | null): PolicyMatch[] {
  const young = registeredOn === null;
  return [
    {
      policy: listItem(1, { title: '金融业发展奖励' }),
      matched: true,
      missing: [],
      conditions: [{ condition: { field: 'industry', op: 'in', values: ['金融业'] }, met: true, reason: '所属行业需为金融业：您的企业属于金融业 ✓' }],
    },
    {
      policy: listItem(2, { title: '小微企业社保补贴' }),
      matched: false,
      missing: young ? ['registeredOn'] : [],
      conditions: [
        { condition: { field: 'scale', op: 'in', values: ['小型', '微型'] }, met: false, reason: '需为小微企业：您的企业为大型企业，不符合' },
        young
          ? { condition: { field: 'yearsSinceRegistration', op: 'lte', value: 3 }, met: null, reason: '成立年限需不超过3年：请补充企业成立日期' }
          : { condition: { field: 'yearsSinceRegistration', op: 'lte', value: 3 }, met: true, reason: '成立年限需不超过3年：您的企业成立于2024年，已满1年 ✓' },
      ],
    },
  ];
}

describe('政策计算器', () => {
  it('lists matched policies first and marks each condition ✓ / ✗ with its reason', async () => {
    signedIn();
    backend(
      subscriptions,
      on('GET', '/api/v1/me', () => ({ statusCode: 200, data: { user: USER, enterprise: ENTERPRISE } })),
      on('GET', '/api/v1/me/policy-matches', () => ({ statusCode: 200, data: matches('2024-01-01') })),
    );
    render(<CalculatorScreen />);
    const cards = await screen.findAllByTestId('match-card');
    expect(cards.map((c) => c.querySelector('.yst-policy-card__title')?.textContent)).toEqual(['金融业发展奖励', '小微企业社保补贴']);
    expect(screen.getByText('符合 1 项政策，共比对 2 项在效政策')).toBeInTheDocument();
    const failed = within(cards[1]).getAllByRole('listitem')[0];
    expect(failed).toHaveTextContent('✗');
    expect(failed).toHaveTextContent('需为小微企业：您的企业为大型企业，不符合');
    expect(within(cards[0]).getByRole('listitem')).toHaveTextContent('✓');
    expect(screen.queryByTestId('profile-form')).not.toBeInTheDocument();
  });

  it('asks for a missing profile field, saves it with PATCH and recomputes', async () => {
    signedIn();
    let registeredOn: string | null = null;
    const enterprise = (): Enterprise => ({ ...ENTERPRISE, registeredOn });
    backend(
      subscriptions,
      on('GET', '/api/v1/me', () => ({ statusCode: 200, data: { user: USER, enterprise: enterprise() } })),
      on('GET', '/api/v1/me/policy-matches', () => ({ statusCode: 200, data: matches(registeredOn) })),
      on('PATCH', '/api/v1/me/enterprise/profile', (r) => {
        registeredOn = (r.data as { registeredOn: string }).registeredOn;
        return { statusCode: 200, data: enterprise() };
      }),
    );
    render(<CalculatorScreen />);
    const form = await screen.findByTestId('profile-form');
    expect(screen.getByText('成立年限需不超过3年：请补充企业成立日期')).toBeInTheDocument();

    fireEvent.click(within(form).getByRole('button', { name: '保存并重新计算' }));
    expect(await within(form).findByText('请补充企业成立日期')).toBeInTheDocument();

    fireEvent.change(within(form).getByPlaceholderText('如 2018-05-20'), { target: { value: '2024-01-01' } });
    fireEvent.click(within(form).getByRole('button', { name: '保存并重新计算' }));

    await waitFor(() => expect(screen.queryByTestId('profile-form')).not.toBeInTheDocument());
    expect(taroMock.requests.find((r) => r.method === 'PATCH')?.data).toEqual({ registeredOn: '2024-01-01' });
    expect(screen.getByText('成立年限需不超过3年：您的企业成立于2024年，已满1年')).toBeInTheDocument();
  });

  it('without a bound enterprise, offers binding instead', async () => {
    signedIn();
    backend(on('GET', '/api/v1/me', () => ({ statusCode: 200, data: { user: USER, enterprise: null } })));
    render(<CalculatorScreen />);
    expect(await screen.findByText('请先绑定企业')).toBeInTheDocument();
    expect(taroMock.requests.some((r) => r.url.includes('policy-matches'))).toBe(false);
  });
});
