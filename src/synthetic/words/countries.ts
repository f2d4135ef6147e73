// ISO 3166 codes of the countries the cities are in, with the name a profile shows.
// A table: one row a line reads better than Prettier's one value a line.
// prettier-ignore
export const countryNames: Readonly<Record<string, string>> = {
  US: 'United States', CA: 'Canada', GB: 'United Kingdom', DE: 'Germany', IN: 'India', BR: 'Brazil',
  FR: 'France', ES: 'Spain', PT: 'Portugal', NL: 'Netherlands', PL: 'Poland', UA: 'Ukraine',
  AU: 'Australia', NZ: 'New Zealand', MX: 'Mexico', AR: 'Argentina', CO: 'Colombia', CL: 'Chile',
  PE: 'Peru', UY: 'Uruguay', NG: 'Nigeria', KE: 'Kenya', ZA: 'South Africa', EG: 'Egypt',
  GH: 'Ghana', MA: 'Morocco', PH: 'Philippines', VN: 'Vietnam', ID: 'Indonesia', MY: 'Malaysia',
  SG: 'Singapore', TH: 'Thailand', PK: 'Pakistan', BD: 'Bangladesh', LK: 'Sri Lanka', JP: 'Japan',
  KR: 'South Korea', CN: 'China', TW: 'Taiwan', HK: 'Hong Kong', IL: 'Israel', TR: 'Turkey',
  AE: 'United Arab Emirates', SA: 'Saudi Arabia', IT: 'Italy', IE: 'Ireland', SE: 'Sweden',
  NO: 'Norway', DK: 'Denmark', FI: 'Finland', EE: 'Estonia', LT: 'Lithuania', LV: 'Latvia',
  CZ: 'Czechia', SK: 'Slovakia', HU: 'Hungary', RO: 'Romania', BG: 'Bulgaria', RS: 'Serbia',
  HR: 'Croatia', SI: 'Slovenia', GR: 'Greece', AT: 'Austria', CH: 'Switzerland', BE: 'Belgium',
  CR: 'Costa Rica', GT: 'Guatemala', DO: 'Dominican Republic', EC: 'Ecuador', VE: 'Venezuela',
  BO: 'Bolivia', PY: 'Paraguay', TN: 'Tunisia', RW: 'Rwanda', UG: 'Uganda', ET: 'Ethiopia',
  GE: 'Georgia', AM: 'Armenia', KZ: 'Kazakhstan', NP: 'Nepal',
};

/** Members of the European Union, whose people often say they may work anywhere in it. */
export const euCountries = new Set([
  'DE',
  'FR',
  'ES',
  'PT',
  'NL',
  'PL',
  'IT',
  'IE',
  'SE',
  'DK',
  'FI',
  'EE',
  'LT',
  'LV',
  'CZ',
  'SK',
  'HU',
  'RO',
  'BG',
  'HR',
  'SI',
  'GR',
  'AT',
  'BE',
]);
