import type { SkillCategory } from './skill-categories';

export interface JobCategory {
  name: string;
  /** Job titles without seniority, most common first. */
  titles: readonly string[];
  /** Where this kind of person's skills mostly come from. */
  skillCategories: readonly SkillCategory[];
}

function category(name: string, titles: string, skillCategories: SkillCategory[]): JobCategory {
  return { name, titles: titles.split('|'), skillCategories };
}

// Most common first: the marketplace's mix of remote workers.
// A table: one row a line reads better than Prettier's one value a line.
// prettier-ignore
export const jobCategories: readonly JobCategory[] = [
  category('Software Engineering', 'Software Engineer|Software Developer|Backend Engineer|Platform Engineer|Application Developer|Systems Engineer', ['Languages', 'Backend', 'Databases', 'Tools', 'Testing']),
  category('Web Development', 'Web Developer|Full-Stack Developer|Frontend Developer|PHP Developer|WordPress Developer|JavaScript Developer', ['Frontend', 'Languages', 'Backend', 'Tools', 'Design']),
  category('Frontend Development', 'Frontend Engineer|UI Engineer|React Developer|Angular Developer|Vue.js Developer|Web UI Developer', ['Frontend', 'Languages', 'Testing', 'Design', 'Tools']),
  category('Backend Development', 'Backend Developer|API Engineer|Java Developer|Python Developer|Go Developer|Node.js Developer', ['Backend', 'Languages', 'Databases', 'Cloud', 'Testing']),
  category('Full-Stack Development', 'Full-Stack Engineer|Full-Stack Developer|Product Engineer|Software Engineer|Web Application Developer', ['Frontend', 'Backend', 'Languages', 'Databases', 'Cloud']),
  category('Data Engineering', 'Data Engineer|Analytics Engineer|Big Data Engineer|ETL Developer|Data Platform Engineer|Data Architect', ['Data', 'Databases', 'Languages', 'Cloud', 'DevOps']),
  category('Data Science', 'Data Scientist|Research Scientist|Quantitative Analyst|Statistician|Decision Scientist|Applied Scientist', ['ML', 'Data', 'Languages', 'Analytics', 'Databases']),
  category('Machine Learning', 'Machine Learning Engineer|ML Ops Engineer|AI Engineer|Computer Vision Engineer|NLP Engineer|Deep Learning Engineer', ['ML', 'Data', 'Languages', 'Cloud', 'DevOps']),
  category('DevOps', 'DevOps Engineer|Build and Release Engineer|Infrastructure Engineer|Platform Engineer|Automation Engineer|CI/CD Engineer', ['DevOps', 'Cloud', 'Tools', 'Languages', 'Networking']),
  category('Cloud Engineering', 'Cloud Engineer|Cloud Architect|AWS Engineer|Azure Engineer|Cloud Infrastructure Engineer|Cloud Consultant', ['Cloud', 'DevOps', 'Networking', 'Security', 'Languages']),
  category('Site Reliability Engineering', 'Site Reliability Engineer|Production Engineer|Reliability Engineer|Observability Engineer|Infrastructure SRE|Operations Engineer', ['DevOps', 'Cloud', 'Tools', 'Networking', 'Languages']),
  category('Mobile Development', 'Mobile Developer|iOS Developer|Android Developer|React Native Developer|Flutter Developer|Mobile Engineer', ['Mobile', 'Languages', 'Frontend', 'Testing', 'Design']),
  category('UI/UX Design', 'Product Designer|UX Designer|UI Designer|Interaction Designer|UX Researcher|Visual Designer', ['Design', 'Product', 'Frontend', 'Soft skills', 'Tools']),
  category('Product Management', 'Product Manager|Product Owner|Technical Product Manager|Growth Product Manager|Platform Product Manager|Associate Product Manager', ['Product', 'Business', 'Analytics', 'Soft skills', 'Tools']),
  category('QA & Testing', 'QA Engineer|Test Automation Engineer|SDET|Quality Analyst|Performance Test Engineer|Manual Tester', ['Testing', 'Languages', 'Tools', 'Frontend', 'DevOps']),
  category('Security Engineering', 'Security Engineer|Application Security Engineer|Penetration Tester|Security Analyst|Cloud Security Engineer|SOC Analyst', ['Security', 'Networking', 'Cloud', 'Languages', 'DevOps']),
  category('Data Analysis', 'Data Analyst|Business Analyst|Reporting Analyst|Product Analyst|Marketing Analyst|Operations Analyst', ['Analytics', 'Data', 'Databases', 'Business', 'Tools']),
  category('Business Intelligence', 'BI Developer|BI Analyst|Analytics Consultant|Reporting Developer|Data Visualization Engineer|BI Engineer', ['Analytics', 'Databases', 'Data', 'Business', 'Tools']),
  category('Database Administration', 'Database Administrator|Database Engineer|DBA|Database Reliability Engineer|Data Modeler|SQL Developer', ['Databases', 'DevOps', 'Cloud', 'Languages', 'Data']),
  category('Engineering Management', 'Engineering Manager|Head of Engineering|VP of Engineering|Team Lead|Director of Engineering|CTO', ['Soft skills', 'Product', 'Business', 'Backend', 'DevOps']),
  category('Project Management', 'Project Manager|Program Manager|Scrum Master|Delivery Manager|Agile Coach|Technical Project Manager', ['Soft skills', 'Business', 'Product', 'Tools', 'Analytics']),
  category('Embedded Systems', 'Embedded Software Engineer|Firmware Engineer|Embedded Systems Engineer|IoT Engineer|Hardware Engineer|Robotics Engineer', ['Embedded', 'Languages', 'Tools', 'Testing', 'Networking']),
  category('Game Development', 'Game Developer|Gameplay Programmer|Unity Developer|Unreal Engine Developer|Game Designer|Technical Artist', ['Game development', 'Languages', 'Design', 'Tools', 'Mobile']),
  category('Blockchain', 'Blockchain Developer|Smart Contract Engineer|Solidity Developer|Web3 Engineer|Protocol Engineer|Crypto Analyst', ['Blockchain', 'Languages', 'Backend', 'Security', 'Frontend']),
  category('Systems Administration', 'Systems Administrator|IT Administrator|Linux Administrator|Windows Administrator|IT Operations Engineer|Infrastructure Administrator', ['Networking', 'DevOps', 'Cloud', 'Tools', 'Security']),
  category('Network Engineering', 'Network Engineer|Network Architect|Network Administrator|NOC Engineer|Telecommunications Engineer|Wireless Engineer', ['Networking', 'Security', 'Cloud', 'Tools', 'DevOps']),
  category('Solutions Architecture', 'Solutions Architect|Enterprise Architect|Software Architect|Technical Architect|Integration Architect|Principal Architect', ['Cloud', 'Backend', 'Business', 'Databases', 'Soft skills']),
  category('Technical Writing', 'Technical Writer|Documentation Engineer|Content Designer|API Documentation Writer|Developer Educator|Information Architect', ['Writing', 'Tools', 'Product', 'Soft skills', 'Design']),
  category('Developer Relations', 'Developer Advocate|Developer Relations Engineer|Community Manager|Solutions Engineer|Technical Evangelist|Developer Experience Engineer', ['Writing', 'Soft skills', 'Languages', 'Frontend', 'Cloud']),
  category('Sales Engineering', 'Sales Engineer|Pre-Sales Consultant|Solutions Consultant|Technical Account Manager|Customer Engineer|Implementation Consultant', ['Business', 'Soft skills', 'Cloud', 'Product', 'Tools']),
  category('Customer Support', 'Technical Support Engineer|Customer Success Manager|Support Specialist|Help Desk Analyst|Support Team Lead|Implementation Specialist', ['Soft skills', 'Tools', 'Business', 'Writing', 'Product']),
  category('Growth Marketing', 'Growth Marketer|Marketing Engineer|SEO Specialist|Performance Marketer|Marketing Operations Manager|Content Marketer', ['Marketing', 'Analytics', 'Business', 'Writing', 'Tools']),
];
