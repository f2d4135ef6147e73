import type { SkillCategory } from '../skill-categories';
import { phrases } from './split';

// Real technologies and practices, each list most common first. Spellings are the directory's
// canonical ones (src/skill/skill-names.ts) and the seed profile's (`CSS 3`, `HTML5`, `Kafka`), so
// that loading reuses the skills already there instead of adding near-duplicates.
export const realSkillsByCategory: Readonly<Record<SkillCategory, readonly string[]>> = {
  Languages: phrases(`JavaScript|Python|SQL|TypeScript|Java|C#|Go|PHP|C++|Bash|Ruby|Kotlin|Swift|Rust|C|Scala|R|Dart
    Objective-C|Perl|Elixir|Haskell|Lua|Clojure|F#|Erlang|Julia|MATLAB|Groovy|PowerShell|Solidity|COBOL|Fortran|OCaml
    Zig|Crystal|Assembly|Scheme|Prolog|Racket|Elm|PL/SQL|T-SQL|VBA|Apex|ABAP|Delphi|Visual Basic .NET|Nim|ReScript`),
  Frontend: phrases(`React|HTML5|CSS 3|Angular|Vue.js|Next.js|Redux|Tailwind CSS|Sass|jQuery|Bootstrap|Svelte|Nuxt
    Webpack|Vite|Material UI|Storybook|Gatsby|Ember.js|Backbone.js|Remix|SolidJS|Astro|Three.js|D3.js|Chart.js|RxJS
    MobX|Zustand|React Query|Apollo Client|Styled Components|Emotion|Less|PostCSS|Babel|ESLint|Prettier|Web Components
    Lit|Alpine.js|htmx|Preact|Qwik|Chakra UI|Ant Design|WebAssembly|WebGL|Web Accessibility|Progressive Web Apps`),
  Backend: phrases(`REST APIs|Node.js|Express|Spring Boot|Django|.NET|GraphQL|ASP.NET|Flask|FastAPI|Ruby on Rails|Laravel
    NestJS|gRPC|Microservices|Symfony|Gin|Hibernate|Entity Framework|Sequelize|Prisma|TypeORM|SQLAlchemy|Celery
    RabbitMQ|NATS|ActiveMQ|Apache Camel|Koa|Hapi|Fastify|Deno|Bun|tRPC|OpenAPI|Swagger|WebSockets|Socket.IO|asyncio
    Pydantic|Tornado|Sinatra|Spring Cloud|Vert.x|Akka|Play Framework|Strapi|Keycloak|OAuth 2.0|JWT|Phoenix|Ktor
    Micronaut|Quarkus|Dropwizard|Echo|Fiber|Django REST Framework|Event Sourcing|CQRS|Domain-Driven Design`),
  Databases: phrases(`PostgreSQL|MySQL|MongoDB|Redis|Microsoft SQL Server|SQLite|Elasticsearch|Oracle Database|DynamoDB
    Snowflake|BigQuery|Cassandra|MariaDB|Firebase|Redshift|Supabase|ClickHouse|Neo4j|CockroachDB|InfluxDB|TimescaleDB
    Memcached|Amazon Aurora|Cosmos DB|Couchbase|CouchDB|HBase|ScyllaDB|OpenSearch|Pinecone|Weaviate|Milvus|pgvector
    Apache Druid|Apache Pinot|Vitess|PlanetScale|Neon|Db2|Teradata|SAP HANA|Realm|Apache Solr|Database Design
    Query Optimization|Database Replication`),
  Cloud: phrases(`AWS|Google Cloud Platform|Microsoft Azure|AWS Lambda|Amazon S3|Amazon EC2|Serverless|Amazon ECS|Amazon EKS
    Amazon RDS|Amazon SQS|Amazon SNS|AWS CloudFormation|AWS CDK|Azure Functions|Cloudflare|Heroku|Vercel|Netlify
    DigitalOcean|Google Kubernetes Engine|Cloud Run|Cloudflare Workers|Amazon Kinesis|AWS Glue|Amazon API Gateway
    AWS IAM|AWS Step Functions|Azure Kubernetes Service|Google Cloud Functions|OpenStack|IBM Cloud|Oracle Cloud
    Alibaba Cloud|Fly.io|Render|Linode|Amazon CloudFront|Amazon Route 53|Azure Blob Storage`),
  DevOps: phrases(`Docker|Kubernetes|CI/CD|Terraform|Jenkins|GitHub Actions|Linux|GitLab CI|Ansible|Helm|Prometheus|Grafana
    Nginx|Argo CD|Datadog|Infrastructure as Code|Observability|CircleCI|Istio|Vault|Pulumi|Splunk|New Relic|Logstash
    Kibana|OpenTelemetry|Sentry|PagerDuty|Elastic Stack|Fluentd|Jaeger|Consul|Packer|Chef|Puppet|Linkerd|Envoy
    Traefik|HAProxy|Nomad|Apache HTTP Server|Travis CI|TeamCity|Bamboo|Spinnaker|Flux|Kustomize|Podman|containerd
    Serverless Framework|Grafana Loki|Zabbix|Nagios|Site Reliability Engineering|Chaos Engineering|GitOps`),
  Data: phrases(`Data Modeling|ETL|Apache Spark|Pandas|NumPy|Airflow|Kafka|dbt|Data Warehousing|PySpark|Databricks
    Hadoop|Apache Flink|Apache Beam|Hive|Presto|Trino|Delta Lake|Apache Iceberg|Data Pipelines|Data Governance
    Fivetran|Airbyte|Dagster|Prefect|Great Expectations|Feast|Polars|Dask|Apache Arrow|Apache Parquet|Apache Avro
    Protocol Buffers|Kafka Connect|Debezium|Kafka Streams|Spark Streaming|Apache NiFi|Talend|Informatica|Luigi
    Apache Hudi|Azure Data Factory|Google Dataflow|Stitch|Meltano|Apache Storm|Change Data Capture|Data Quality`),
  ML: phrases(`Machine Learning|TensorFlow|PyTorch|scikit-learn|Deep Learning|Natural Language Processing|Computer Vision
    Statistics|Keras|XGBoost|Hugging Face|LLMs|MLOps|MLflow|LightGBM|OpenCV|SciPy|LangChain|OpenAI API|spaCy|NLTK
    SageMaker|Vertex AI|Kubeflow|Recommender Systems|Time Series Forecasting|Prompt Engineering|Retrieval-Augmented Generation
    CatBoost|JAX|ONNX|TensorFlow Serving|TorchServe|Ray|Weights & Biases|DVC|Optuna|SHAP|Gensim|fastai|YOLO
    Stable Diffusion|BERT|Reinforcement Learning|LlamaIndex|statsmodels|Prophet|Triton Inference Server|vLLM
    Feature Engineering|Model Deployment|Bayesian Statistics`),
  Analytics: phrases(`Excel|Tableau|Power BI|Google Analytics|Looker|A/B Testing|Jupyter|Google Tag Manager|Data Visualization
    Mixpanel|Amplitude|Metabase|Apache Superset|Segment|Looker Studio|Qlik Sense|Heap|Mode|Hex|SPSS|SAS|Stata
    Alteryx|DAX|Power Query|Sigma Computing|ThoughtSpot|Google Sheets|Product Analytics|Cohort Analysis`),
  Mobile: phrases(`React Native|Flutter|iOS|Android|SwiftUI|Jetpack Compose|Xcode|Android Studio|Expo|Kotlin Multiplatform
    Ionic|Xamarin|.NET MAUI|Cordova|Capacitor|Firebase Cloud Messaging|Core Data|UIKit|Room|Retrofit|RxJava|Combine
    ARKit|ARCore|App Store Connect|Google Play Console|Fastlane|Mobile Accessibility`),
  Testing: phrases(`Jest|Unit Testing|Cypress|Selenium|pytest|JUnit|Playwright|Postman|Mocha|Test Automation|Cucumber
    Testing Library|Vitest|TestNG|Mockito|Jasmine|Karma|Appium|JMeter|k6|Gatling|Locust|Puppeteer|WebdriverIO
    Robot Framework|SoapUI|RSpec|Chai|Detox|Espresso|XCTest|SonarQube|Pact|Test-Driven Development
    Behavior-Driven Development|Integration Testing|Load Testing|End-to-End Testing`),
  Security: phrases(`OWASP|Penetration Testing|Identity and Access Management|Okta|Auth0|Burp Suite|Wireshark|Nmap|Snyk
    Threat Modeling|SIEM|Metasploit|Kali Linux|ISO 27001|SOC 2|GDPR|PCI DSS|Zero Trust|Cryptography|CrowdStrike
    Nessus|Falco|Trivy|Semgrep|Checkmarx|Veracode|Incident Response|Security Audits|Vulnerability Management`),
  Networking: phrases(`TCP/IP|DNS|Windows Server|Active Directory|VMware|Networking|VPN|Load Balancing|Firewalls|Cisco IOS
    BGP|OSPF|VLAN|SD-WAN|MPLS|Wi-Fi|Network Security|Juniper|Palo Alto Networks|Fortinet|Proxmox|Hyper-V|Citrix
    Microsoft 365|Intune|Linux Administration|HTTP/2|CDN`),
  Embedded: phrases(`Embedded C|Arduino|Raspberry Pi|RTOS|Embedded Linux|MQTT|FreeRTOS|STM32|ARM Cortex-M|Zephyr|Yocto
    Verilog|VHDL|FPGA|PCB Design|KiCad|Altium Designer|CAN bus|Modbus|I2C|SPI|ROS|LabVIEW|Simulink|Bluetooth Low Energy`),
  'Game development': phrases(`Unity|Unreal Engine|Blender|Godot|Game Design|OpenGL|Vulkan|DirectX|Shader Programming|HLSL
    GLSL|Maya|3ds Max|Houdini|Level Design|Photon|PlayFab|Substance Painter|ZBrush|Multiplayer Networking`),
  Blockchain: phrases(`Ethereum|Smart Contracts|Web3.js|Ethers.js|Hardhat|Bitcoin|Solana|Foundry|Truffle|Polygon|IPFS
    Chainlink|The Graph|Hyperledger Fabric|Cosmos SDK|Substrate|DeFi|NFTs|Layer 2 Scaling|Zero-Knowledge Proofs`),
  Design: phrases(`Figma|UI Design|UX Design|Prototyping|Wireframing|User Research|Adobe Photoshop|Adobe Illustrator|Sketch
    Design Systems|Adobe XD|Usability Testing|Interaction Design|Typography|Miro|Canva|Framer|Webflow|Adobe After Effects
    Adobe Premiere Pro|Adobe InDesign|InVision|Zeplin|FigJam|Principle|Information Architecture|Motion Design|Branding
    Illustration|Accessibility Audits`),
  Product: phrases(`Product Management|Jira|Confluence|Roadmapping|Product Strategy|User Stories|OKRs|Product Discovery
    Customer Discovery|Go-to-Market|Pricing Strategy|Productboard|Pendo|Aha!|Feature Prioritization|Jobs to Be Done`),
  Business: phrases(`Agile|Scrum|Project Management|Stakeholder Management|Kanban|Salesforce|Business Analysis|HubSpot
    Requirements Gathering|Process Improvement|SAP|ERP|CRM|Lean|Six Sigma|Budgeting|Financial Modeling|Vendor Management
    Risk Management|Change Management|ITIL|PMP|Zendesk|ServiceNow|Intercom|Freshdesk|Customer Success|Account Management`),
  Marketing: phrases(`SEO|Google Ads|Content Marketing|Email Marketing|Social Media Marketing|SEM|Copywriting|Marketing Automation
    Facebook Ads|Mailchimp|Conversion Rate Optimization|Semrush|Ahrefs|Marketo|Braze|Growth Hacking|Affiliate Marketing
    LinkedIn Ads|Brand Strategy|Community Building`),
  Writing: phrases(`Technical Writing|Documentation|Markdown|API Documentation|Docs as Code|Docusaurus|MkDocs|Sphinx
    Content Strategy|Editing|Localization|Blogging|DITA|Release Notes|Knowledge Management`),
  Tools: phrases(`Git|GitHub|GitLab|VS Code|Bitbucket|npm|IntelliJ IDEA|Slack|Notion|Maven|Gradle|Yarn|Docker Compose
    Unix|Regular Expressions|JSON|YAML|Vim|Trello|Asana|pnpm|Linear|Make|CMake|Bazel|Emacs|XML|Nx|Turborepo|Lerna
    Homebrew|Vagrant|Shell Scripting|Postman Collections|Airtable|Zapier`),
  'Soft skills': phrases(`Communication|Leadership|Problem Solving|Team Leadership|Mentoring|System Design|Code Review
    Remote Collaboration|Technical Leadership|Cross-functional Collaboration|Time Management|Public Speaking|Hiring
    Coaching|Negotiation|Critical Thinking|Presentation Skills|Conflict Resolution|Decision Making|Customer Service
    Teaching|English|Spanish|German|French|Portuguese|Mandarin|Japanese|Hindi|Arabic`),
};

/**
 * The most common skills of all, most common first: the head of the popularity curve. The rest of
 * the catalogue follows, taken in turn from each category's list.
 */
export const headSkills = phrases(`JavaScript|Python|SQL|Git|React|TypeScript|Node.js|HTML5|CSS 3|Java|Docker|AWS
  PostgreSQL|Linux|REST APIs|Agile|MySQL|Communication|Kubernetes|GitHub|C#|Figma|Go|Scrum|MongoDB|Redis|Jira
  Google Cloud Platform|Microsoft Azure|CI/CD|Django|Spring Boot|PHP|Excel|Terraform|GraphQL|Express|Angular
  Vue.js|Next.js|Pandas|Machine Learning|Jenkins|GitHub Actions|Bash|C++|Kafka|Flask|Tableau|Power BI|Jest
  Kotlin|Swift|Data Modeling|ETL|TensorFlow|NumPy|Elasticsearch|.NET|Ruby on Rails|Project Management|Leadership
  System Design|Statistics|Product Management|React Native|Flutter|Selenium|Cypress|Apache Spark|Airflow|Snowflake
  dbt|PyTorch|scikit-learn|Microservices|Unit Testing|Tailwind CSS|Redux|FastAPI|Rust|Ruby|UI Design|UX Design`);
