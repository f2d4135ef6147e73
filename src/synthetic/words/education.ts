import { phrases } from './split';

// Degree titles by level, most common spelling first.
export const degreeTitles = {
  bachelor: phrases("Bachelor's Degree|BSc|Bachelor of Science|BEng|BA|Bachelor of Engineering|Bachelor of Arts|BBA"),
  master: phrases("Master's Degree|MSc|Master of Science|MEng|MBA|MA|Master of Engineering|MPhil"),
  doctorate: phrases('PhD|Doctorate|DPhil'),
  other: phrases('Associate Degree|Certificate|Bootcamp Certificate|Diploma|Graduate Diploma|Nanodegree'),
};

// Fields of study, most common first.
export const fieldsOfStudy = phrases(`
Computer Science|Software Engineering|Information Technology|Electrical Engineering|Mathematics|Computer Engineering
Information Systems|Data Science|Statistics|Physics|Economics|Business Administration|Mechanical Engineering
Graphic Design|Finance|Marketing|Psychology|Communications|Industrial Engineering|Applied Mathematics
Telecommunications|Cybersecurity|Artificial Intelligence|Human-Computer Interaction|Interaction Design|Digital Media
Accounting|Biology|Chemistry|Operations Research|Industrial Design|Linguistics|Philosophy|Journalism
English Literature|Architecture|Civil Engineering|Chemical Engineering|Aerospace Engineering|Bioinformatics
Cognitive Science|Neuroscience|International Relations|Political Science|Sociology|History|Music|Film Studies
Education|Public Policy|Environmental Science|Geography|Anthropology|Fine Arts|Supply Chain Management|Game Design
`);

// Ways of naming a university after its city ("{city}" is replaced), most common first.
export const institutionPatterns = phrases(`
University of {city}|{city} Institute of Technology|{city} State University|Technical University of {city}
{city} Polytechnic|{city} College|{city} University of Applied Sciences|National University of {city}
{city} School of Economics|{city} Metropolitan University|{city} School of Design|Catholic University of {city}
`);

// Online and professional schools, for certificates.
export const schools = phrases(`
Open Learning Institute|Northfield Coding Academy|Digital Skills Bootcamp|Remote Engineering School
Cloud Academy Online|Design Bootcamp Collective|Data Science Academy|Product School Online|Applied AI Institute
`);
