/** The regions whose CLDR names the story signatures know (region-names.ts is generated from them). */
export const REGION_CODES = ['AE', 'SA', 'QA', 'KW', 'BH', 'OM', 'YE', 'IQ', 'IR', 'JO', 'LB', 'SY', 'PS', 'IL', 'EG', 'LY', 'TN', 'DZ',
  'MA', 'SD', 'SS', 'ET', 'KE', 'TZ', 'UG', 'SO', 'NG', 'GH', 'ZA', 'TR', 'RU', 'UA', 'CN', 'JP', 'KR', 'KP', 'TW', 'HK', 'VN',
  'LA', 'KH', 'TH', 'MM', 'MY', 'SG', 'ID', 'PH', 'IN', 'PK', 'BD', 'LK', 'NP', 'AF', 'KZ', 'US', 'CA', 'MX', 'BR', 'AR', 'CL',
  'PE', 'CO', 'GB', 'FR', 'DE', 'IT', 'ES', 'PT', 'NL', 'BE', 'CH', 'AT', 'SE', 'NO', 'DK', 'FI', 'PL', 'GR', 'IE', 'AU', 'NZ',
  'TD', 'CM', 'SN', 'ML', 'NE', 'MR', 'LU', 'CZ', 'HU', 'RO', 'BG', 'RS', 'HR'];
