import { Kind } from 'graphql';
import { PartialDate } from '../src/common/partial-date';

describe('PartialDate', () => {
  test.each(['2019', '2019-05', '2019-05-31', '2020-02-29', '0999'])('accepts %s', (value) => {
    expect(PartialDate.parseValue(value)).toBe(value);
    expect(PartialDate.serialize(value)).toBe(value);
  });

  test("a bad stored value is an internal error (a plain Error, logged and masked), not the client's", () => {
    expect(() => PartialDate.serialize('2019-13')).toThrow(/Stored value "2019-13" is not a PartialDate/);
    try {
      PartialDate.serialize('2019-13');
    } catch (error) {
      expect(error).not.toHaveProperty('extensions');
    }
  });

  test.each([
    '19',
    '2019-5',
    '2019-13',
    '2019-00',
    '2019-02-29',
    '2019-04-31',
    '2019-05-00',
    '2019/05',
    'May 2019',
    '2019-05-01T00:00',
    '',
  ])('rejects %j with a clear BAD_USER_INPUT error', (value) => {
    expect(() => PartialDate.parseValue(value)).toThrow(/PartialDate must be a string YYYY, YYYY-MM or YYYY-MM-DD/);
    try {
      PartialDate.parseValue(value);
    } catch (error) {
      expect(error).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    }
  });

  test('rejects values that are not strings, as variables and as literals', () => {
    expect(() => PartialDate.parseValue(2019)).toThrow(/got 2019/);
    expect(() => PartialDate.parseLiteral({ kind: Kind.INT, value: '2019' })).toThrow(/got 2019/);
    expect(PartialDate.parseLiteral({ kind: Kind.STRING, value: '2019-06' })).toBe('2019-06');
  });
});
