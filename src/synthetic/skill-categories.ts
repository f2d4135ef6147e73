// The skill table's `category`: broad enough for a filter, few enough for a menu.
export const skillCategories = [
  'Languages',
  'Frontend',
  'Backend',
  'Databases',
  'Cloud',
  'DevOps',
  'Data',
  'ML',
  'Analytics',
  'Mobile',
  'Testing',
  'Security',
  'Networking',
  'Embedded',
  'Game development',
  'Blockchain',
  'Design',
  'Product',
  'Business',
  'Marketing',
  'Writing',
  'Tools',
  'Soft skills',
] as const;

export type SkillCategory = (typeof skillCategories)[number];
