import { phrases } from './split';

// What a role improved, most common first.
export const metrics = phrases(`
latency|page load time|build times|deployment frequency|cloud costs|error rates|onboarding time|conversion|churn|incident count
query times|test coverage|release cycle|support tickets|infrastructure spend|time to market|p99 latency|throughput|uptime|crash rate
customer satisfaction|NPS|retention|activation|revenue|gross margin|fraud losses|chargebacks|false positives|manual work
data freshness|pipeline runtime|storage costs|compute costs|memory usage|CPU usage|bundle size|app size|cold starts|time to first byte
mean time to recovery|alert noise|on-call pages|flaky tests|merge time|review time|lead time|cycle time|defect rate|escaped bugs
cart abandonment|checkout time|search relevance|click-through rate|engagement|session length|daily active users|sign-ups|trial conversion|upsell revenue
forecast error|model accuracy|recall|precision|training time|inference cost|labeling cost|data quality issues|duplicate records|reconciliation breaks
delivery times|fuel costs|empty miles|stockouts|inventory costs|picking errors|return rates|shipping costs|wait times|no-show rates
patient wait times|claim processing time|approval time|audit findings|compliance gaps|security findings|vulnerabilities|phishing clicks|access reviews|policy exceptions
hiring time|attrition|ramp-up time|meeting load|documentation gaps|knowledge silos|handoffs|rework|scope creep|budget overruns
`);

// Who used it, most common first.
export const audiences = phrases(`
users|customers|merchants|engineers|analysts|data scientists|sellers|buyers|drivers|riders
patients|clinicians|students|teachers|developers|partners|advertisers|publishers|creators|subscribers
players|viewers|listeners|readers|shoppers|guests|hosts|travelers|tenants|landlords
agents|brokers|traders|investors|borrowers|lenders|policyholders|claimants|members|donors
employees|recruiters|candidates|managers|executives|operators|technicians|field teams|support agents|sales reps
farmers|growers|suppliers|vendors|distributors|retailers|restaurants|couriers|carriers|shippers
researchers|scientists|lab teams|pharmacists|caregivers|nurses|physicians|therapists|coaches|athletes
citizens|voters|case workers|inspectors|regulators|auditors|accountants|lawyers|paralegals|underwriters
`);
