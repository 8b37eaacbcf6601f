import { render, screen } from '@testing-library/react';
import { ThreadScreen } from '@/features/messages/thread-screen';
import { ENTERPRISE, USER, backend, freshApp, on, signedIn } from '../helpers';
import { fixNow } from '../lib/fixed-now';
import { thread } from '../policies/fixtures';

jest.mock('@tarojs/taro', () => jest.requireActual('../policies/taro-extra'));

beforeEach(freshApp);

// 2026-11-27 10:00 in China: instants of 2026 read without the year.
fixNow('2026-11-27T02:00:00.000Z');

const me = on('GET', '/api/v1/me', () => ({ statusCode: 200, data: { user: USER, enterprise: ENTERPRISE } }));

describe('留言 reply deadline', () => {
  it('shows a deadline that ends a China day (the server sends the next 00:00) as that day 24:00', async () => {
    signedIn();
    // What the server's deadlineAt gives for a reply due on 30 November: 1 December 00:00 in China.
    backend(me, on('GET', '/api/v1/messages/9', () => ({ statusCode: 200, data: thread({ replyDueAt: '2026-11-30T16:00:00.000Z' }) })));
    render(<ThreadScreen id={9} />);
    expect(await screen.findByTestId('deadline')).toHaveTextContent('工作日 1 天内答复，截止 11月30日 24:00');
  });

  it('names the year of a deadline outside the current one, still as 24:00 of its due day', async () => {
    signedIn();
    backend(me, on('GET', '/api/v1/messages/9', () => ({ statusCode: 200, data: thread({ replyDueAt: '2025-12-31T16:00:00.000Z' }) })));
    render(<ThreadScreen id={9} />);
    expect(await screen.findByTestId('deadline')).toHaveTextContent('截止 2025年12月31日 24:00');
  });

  it('keeps any other deadline as it is', async () => {
    signedIn();
    backend(me, on('GET', '/api/v1/messages/9', () => ({ statusCode: 200, data: thread({ replyDueAt: '2026-11-30T15:59:59.999Z' }) })));
    render(<ThreadScreen id={9} />);
    expect(await screen.findByTestId('deadline')).toHaveTextContent('截止 11月30日 23:59');
  });
});
