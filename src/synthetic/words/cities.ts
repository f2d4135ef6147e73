import { phrases } from './split';

/** "City|CC" pairs, the marketplace's most common locations first. */
export const cities: readonly { city: string; country: string }[] = phrases(`
New York:US|San Francisco:US|London:GB|Toronto:CA|Berlin:DE|Bengaluru:IN|São Paulo:BR|Lisbon:PT|Austin:US|Seattle:US
Amsterdam:NL|Warsaw:PL|Kyiv:UA|Madrid:ES|Barcelona:ES|Paris:FR|Vancouver:CA|Los Angeles:US|Chicago:US|Boston:US
Buenos Aires:AR|Mexico City:MX|Bogotá:CO|Lagos:NG|Nairobi:KE|Cape Town:ZA|Manila:PH|Ho Chi Minh City:VN|Singapore:SG|Sydney:AU
Melbourne:AU|Dublin:IE|Stockholm:SE|Munich:DE|Hamburg:DE|Kraków:PL|Wrocław:PL|Lviv:UA|Bucharest:RO|Belgrade:RS
Hyderabad:IN|Pune:IN|Chennai:IN|Delhi:IN|Mumbai:IN|Noida:IN|Gurugram:IN|Kolkata:IN|Ahmedabad:IN|Jaipur:IN
Montreal:CA|Ottawa:CA|Calgary:CA|Edmonton:CA|Waterloo:CA|Denver:US|Atlanta:US|Miami:US|Dallas:US|Houston:US
Portland:US|San Diego:US|Washington:US|Philadelphia:US|Raleigh:US|Minneapolis:US|Phoenix:US|Salt Lake City:US|Nashville:US|Pittsburgh:US
Porto:PT|Braga:PT|Valencia:ES|Málaga:ES|Seville:ES|Bilbao:ES|Lyon:FR|Toulouse:FR|Bordeaux:FR|Nantes:FR
Rotterdam:NL|Utrecht:NL|Eindhoven:NL|The Hague:NL|Brussels:BE|Antwerp:BE|Ghent:BE|Zurich:CH|Geneva:CH|Vienna:AT
Prague:CZ|Brno:CZ|Budapest:HU|Bratislava:SK|Ljubljana:SI|Zagreb:HR|Sofia:BG|Cluj-Napoca:RO|Iași:RO|Novi Sad:RS
Tallinn:EE|Tartu:EE|Riga:LV|Vilnius:LT|Kaunas:LT|Helsinki:FI|Espoo:FI|Tampere:FI|Oslo:NO|Bergen:NO
Copenhagen:DK|Aarhus:DK|Gothenburg:SE|Malmö:SE|Athens:GR|Thessaloniki:GR|Milan:IT|Rome:IT|Turin:IT|Bologna:IT
Manchester:GB|Edinburgh:GB|Bristol:GB|Leeds:GB|Glasgow:GB|Birmingham:GB|Cambridge:GB|Oxford:GB|Brighton:GB|Belfast:GB
Cork:IE|Galway:IE|Istanbul:TR|Ankara:TR|Izmir:TR|Tel Aviv:IL|Haifa:IL|Dubai:AE|Abu Dhabi:AE|Riyadh:SA
Cairo:EG|Alexandria:EG|Casablanca:MA|Rabat:MA|Tunis:TN|Accra:GH|Kumasi:GH|Abuja:NG|Ibadan:NG|Port Harcourt:NG
Kigali:RW|Kampala:UG|Addis Ababa:ET|Mombasa:KE|Johannesburg:ZA|Durban:ZA|Pretoria:ZA|Rio de Janeiro:BR|Belo Horizonte:BR|Curitiba:BR
Porto Alegre:BR|Florianópolis:BR|Recife:BR|Brasília:BR|Campinas:BR|Fortaleza:BR|Salvador:BR|Guadalajara:MX|Monterrey:MX|Puebla:MX
Querétaro:MX|Mérida:MX|Tijuana:MX|Medellín:CO|Cali:CO|Barranquilla:CO|Santiago:CL|Valparaíso:CL|Lima:PE|Arequipa:PE
Montevideo:UY|Córdoba:AR|Rosario:AR|Mendoza:AR|La Plata:AR|Quito:EC|Guayaquil:EC|San José:CR|Guatemala City:GT|Santo Domingo:DO
Caracas:VE|La Paz:BO|Asunción:PY|Cebu City:PH|Davao City:PH|Quezon City:PH|Hanoi:VN|Da Nang:VN|Jakarta:ID|Bandung:ID
Yogyakarta:ID|Surabaya:ID|Bali:ID|Kuala Lumpur:MY|Penang:MY|Bangkok:TH|Chiang Mai:TH|Karachi:PK|Lahore:PK|Islamabad:PK
Dhaka:BD|Chittagong:BD|Colombo:LK|Kathmandu:NP|Tokyo:JP|Osaka:JP|Fukuoka:JP|Kyoto:JP|Seoul:KR|Busan:KR
Taipei:TW|Hong Kong:HK|Shanghai:CN|Shenzhen:CN|Beijing:CN|Hangzhou:CN|Auckland:NZ|Wellington:NZ|Christchurch:NZ|Brisbane:AU
Perth:AU|Adelaide:AU|Canberra:AU|Tbilisi:GE|Yerevan:AM|Almaty:KZ|Astana:KZ|Kharkiv:UA|Odesa:UA|Dnipro:UA
Gdańsk:PL|Poznań:PL|Łódź:PL|Katowice:PL|Lublin:PL|Cologne:DE|Frankfurt:DE|Stuttgart:DE|Düsseldorf:DE|Leipzig:DE
Dresden:DE|Karlsruhe:DE|Nuremberg:DE|Hanover:DE|Bremen:DE|Aveiro:PT|Coimbra:PT|Faro:PT|Funchal:PT|Las Palmas:ES
Zaragoza:ES|Alicante:ES|Palma:ES|Granada:ES|Lille:FR|Marseille:FR|Nice:FR|Montpellier:FR|Rennes:FR|Strasbourg:FR
Oakland:US|San Jose:US|Sacramento:US|Boulder:US|Madison:US|Ann Arbor:US|Detroit:US|Cleveland:US|Columbus:US|Cincinnati:US
Indianapolis:US|St. Louis:US|Kansas City:US|Omaha:US|Tampa:US|Orlando:US|Charlotte:US|Richmond:US|Baltimore:US|Providence:US
Burlington:US|Albuquerque:US|Tucson:US|Las Vegas:US|Boise:US|Spokane:US|Anchorage:US|Honolulu:US|New Orleans:US|Memphis:US
Halifax:CA|Winnipeg:CA|Victoria:CA|Quebec City:CA|Saskatoon:CA|Hamilton:CA|London:CA|Kitchener:CA|Regina:CA|St. John's:CA
`).map((entry) => {
  const [city, country] = entry.split(':') as [string, string];
  return { city, country };
});
