import type { SeedProfile } from './seed-profile';

/**
 * The profile page in tests/fixtures/profile-petercai.txt, field by field. Every string is copied
 * verbatim from the page (including its typographic apostrophes and the second role's cut-off
 * description); what the page leaves out (titles, dates, location, availability, work
 * authorization, job categories) stays empty rather than guessed.
 */
export const peterCai: SeedProfile = {
  handle: 'petercai',
  name: 'Peter Cai',
  headline: 'Senior Software Engineer specializing in Python, machine learning, and distributed data systems.',
  // "What I'm looking for": three paragraphs, one per line as on the page.
  summary:
    'I’m a Senior Software Engineer with 8+ years of experience building scalable software systems, with a strong focus on Python, machine learning, and distributed data processing. I design end-to-end ML platforms—from datapipelines to model deployment and monitoring in production environments.\nAt Snap, I built a real-time content recommendation pipeline using Python, PySpark, and Kafka, and delivered low-latency ML inference services with FastAPI and TensorFlow Serving. I’ve also led feature engineering workflows with Airflow and improved reliability by implementing drift monitoring with Prometheus and Grafana.\nEarlier at TikTok and Bloomberg LP, I shipped backend systems that combine robust data processing, efficient APIs, and production-grade observability. I enjoy solving complex, high-scale problems using modern cloud and backend technologies, and I actively guide engineers to raise code quality, testing standards, and deployment practices.',
  location: null,
  availability: null,
  // The page offers a message button, not contact details.
  email: null,
  phone: null,
  website: null,
  authorizedToWorkIn: [],
  jobCategories: [],
  // Most recent first, as the page lists them. The page names the employers in the summary only:
  // 'At Snap, I built a real-time content recommendation pipeline...' is the first entry word for
  // word, and 'Earlier at TikTok and Bloomberg LP' names the next two in the same order (the third
  // is the financial-data role). The last two entries name no employer.
  roles: [
    {
      title: null,
      company: 'Snap',
      location: null,
      startDate: null,
      endDate: null,
      isCurrent: false,
      description:
        'Built a real-time content recommendation pipeline using Python, PySpark, and Kafka, implementing partitioned event streams and fault-tolerant consumers to prevent data loss under peak traffic. Developed low-latency ML inference services with FastAPI and TensorFlow Serving and engineered feature pipelines with Airflow plus drift monitoring with Prometheus/Grafana.',
      highlights: [],
    },
    {
      title: null,
      company: 'TikTok',
      location: null,
      startDate: null,
      endDate: null,
      isCurrent: false,
      description:
        'Built a personalized recommendation backend using Python (Django) and Java (Spring Boot), addressing ranking/serving consistency with shared feature contracts and validation checks. Developed LLM-powered content moderation with Hugging Face Transformers and PyTorch, and designed asynchronous processing, Feast-based feature storage, model experimentation, and end-to-end observability with OpenTelem',
      highlights: [],
    },
    {
      title: null,
      company: 'Bloomberg LP',
      location: null,
      startDate: null,
      endDate: null,
      isCurrent: false,
      description:
        'Built financial data aggregation services using Python and Flask with normalization layers and validation rules for real-time feeds. Implemented streaming pipelines with Apache Flink and optimized PostgreSQL schemas, while creating reconciliation tools to detect and resolve discrepancies across data providers.',
      highlights: [],
    },
    {
      title: null,
      company: null,
      location: null,
      startDate: null,
      endDate: null,
      isCurrent: false,
      description:
        'Built a recommendation prototype using Python and NumPy, experimenting with hybrid approaches to address cold-start issues. Designed relational data models in MySQL, created front-end visualizations with HTML/CSS/JavaScript, and improved experimental reliability with unit/integration tests.',
      highlights: [],
    },
    {
      title: null,
      company: null,
      location: null,
      startDate: null,
      endDate: null,
      isCurrent: false,
      description:
        'Built React and Bootstrap interfaces to display ML experiment results for internal users and created Python scripts to preprocess datasets with missing/inconsistent data handling. Developed REST APIs with Node.js (Express), set up scikit-learn evaluation pipelines, and added automated testing with Jest and Mocha.',
      highlights: [],
    },
  ],
  // The page writes each as '<degree> - <field>, <field>' with the same field twice.
  degrees: [
    {
      institution: 'University of California, Santa Cruz',
      degree: 'Master’s Degree',
      field: 'Computer Science',
      startDate: '2019',
      endDate: '2021',
      description: 'Completed a Master’s Degree in Computer Science at the University of California, Santa Cruz from 2019 to 2021.',
    },
    {
      institution: 'Beijing University of Posts and Telecommunications',
      degree: 'Bachelor’s Degree',
      field: 'Computer Science',
      startDate: '2015',
      endDate: '2019',
      description:
        'Earned a Bachelor’s Degree in Computer Science at Beijing University of Posts and Telecommunications from 2015 to 2019.',
    },
  ],
  // The page's tech stack, all sixty, in page order.
  skills: [
    'Google Tag Manager',
    'Apache Spark',
    'Apache Flink',
    'Google Cloud Platform',
    'GitHub',
    'Kubernetes',
    'Cloudflare',
    'Jenkins',
    'GitHub Actions',
    'NumPy',
    'Pandas',
    'PySpark',
    'MySQL',
    'PostgreSQL',
    'Node.js',
    'Django',
    'Spring Boot',
    'Dropwizard',
    'Google Analytics',
    'Redis',
    'Terraform',
    'Mocha',
    'React',
    'JavaScript',
    'Python',
    'HTML5',
    'Java',
    'CSS 3',
    'Logstash',
    'TensorFlow',
    'PyTorch',
    'scikit-learn',
    'Kafka',
    'FastAPI',
    'asyncio',
    'Grafana',
    'Kibana',
    'Prometheus',
    'OpenTelemetry',
    'GraphQL',
    'gRPC',
    'Elasticsearch',
    'TypeScript',
    'pytest',
    'Docker',
    'Airflow',
    'Apache Beam',
    'SQL',
    'XGBoost',
    'SciPy',
    'Hugging Face',
    'LightGBM',
    'Pydantic',
    'Feast',
    'Great Expectations',
    'Bash',
    'Transform',
    'Keep',
    'Factory',
    'Beam',
  ],
};
