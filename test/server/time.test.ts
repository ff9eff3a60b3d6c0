// The server's UTC+8 formatters: a moment is written in Beijing time whatever the runtime's zone (UTC on WeChat).
import { shanghaiDay, shanghaiIso, shanghaiStamp } from '../../server/time';

describe('server time in UTC+8', () => {
  it('writes the same moment as an ISO time, a day and a file-name stamp', () => {
    // 17:30 UTC on 30 June is already 1 July in Beijing.
    const at = new Date('2020-06-30T17:30:05Z');
    expect(shanghaiIso(at)).toBe('2020-07-01T01:30:05+08:00');
    expect(shanghaiDay(at)).toBe('2020-07-01');
    expect(shanghaiStamp(at)).toBe('20200701013005');
  });
});
