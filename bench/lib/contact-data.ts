// Made-up contacts for the database benchmarks: a seeded generator (the same seed gives the same people),
// varied enough that search selectivity looks like a real network — popular first names are common, most
// full names are rare, organisations and tags repeat, some contacts have no email. Nobody here is real: names
// are random pairings of common first and last names, organisations are invented, domains end in .example.
import type { CreateContactInput } from '../../src/shared/contracts/contacts';
import { CIRCLES, SOURCES, STAGES } from '../../src/shared/contracts/contacts';
import { prng } from '../../tests/fixtures/prng';

export { prng };

export type Random = () => number;

/** Uniform pick. */
export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** Skewed pick: the first items of the list come up far more often (roughly Zipf-like), as names do. */
export function pickSkewed<T>(random: Random, items: readonly T[], skew = 2.2): T {
  const item = items[Math.floor(random() ** skew * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

export const FIRST_NAMES = [
  'Maria', 'James', 'Wei', 'Aisha', 'Mohammed', 'Sofia', 'David', 'Priya', 'Jonas', 'Emma', 'Carlos', 'Yuki',
  'Fatima', 'Daniel', 'Ana', 'Michael', 'Li', 'Olivia', 'Ahmed', 'Chen', 'Sarah', 'Juan', 'Mei', 'Lucas',
  'Nadia', 'John', 'Grace', 'Omar', 'Elena', 'Jonathan', 'Ines', 'Samuel', 'Hana', 'Mateo', 'Amara', 'Noah',
  'Leila', 'Thomas', 'Zara', 'Kwame', 'Laura', 'Ravi', 'Chloe', 'Diego', 'Anya', 'Benjamin', 'Keiko', 'Tariq',
  'Isabel', 'Joseph', 'Ngozi', 'Alexander', 'Lina', 'Hiroshi', 'Camila', 'Andrew', 'Esi', 'Pavel', 'Julia',
  'Arjun', 'Rosa', 'Kofi', 'Hannah', 'Dmitri', 'Valentina', 'Jon', 'Amira', 'Christopher', 'Sakura', 'Ibrahim',
  'Claire', 'Tomás', 'Zoë', 'Kenji', 'Adaeze', 'Patrick', 'Mariam', 'Stefan', 'Lucia', 'Vikram', 'Nora',
  'Emeka', 'Charlotte', 'Rahul', 'Ingrid', 'Felipe', 'Aiko', 'Yusuf', 'Beatriz', 'Marcus', 'Freya', 'Sipho',
  'Greta', 'Andrés', 'Mina', 'Oluwaseun', 'Eleanor', 'Kavya', 'Lars', 'Paola', 'Jun', 'Thandiwe', 'Nikhil',
  'Astrid', 'Rafael', 'Soo-jin', 'Hassan', 'Margaux', 'Tendai', 'Bianca', 'Raj', 'Elif', 'Jonah', 'Marta',
  'Chidi', 'Anneliese', 'Kiran', 'Sven', 'Leticia', 'Haruto', 'Amina', 'Gabriel', 'Siobhan', 'Mustafa',
  'Camille', 'Dev', 'Ayesha', 'Bastien', 'Chiara', 'Farid', 'Olga', 'Paulo', 'Quinn', 'Sanjay', 'Tariro',
  'Uma', 'Vera', 'Wanjiru', 'Xavier', 'Yara', 'Zain', 'Aleksander', 'Björn', 'Cormac', 'Dalia', 'Eero',
  'Femi', 'Giulia', 'Hyun-woo', 'Ilse', 'Jia', 'Kalani', 'Lorenzo', 'Maëlle', 'Nkosi', 'Orla', 'Pilar',
  'Rania', 'Saoirse', 'Teodor', 'Ulla', 'Vusi', 'Wiktoria', 'Ximena', 'Yosef', 'Zuzana', 'Ayodele', 'Bao',
  'Cyrus', 'Dorota', 'Emil', 'Fiona', 'Gustavo', 'Helga', 'Ifeoma', 'Jakub', 'Kaito', 'Lwazi', 'Magnus',
  'Nasrin', 'Oskar', 'Parisa', 'Renata', 'Shira', 'Tuan', 'Ursula', 'Viktor', 'Willa', 'Yasmin', 'Zeynep',
  'Ander', 'Brigid', 'Cosmin', 'Delphine', 'Esteban', 'Fumiko', 'Goran', 'Hamid', 'Imke', 'Jorge', 'Katarina',
  'Leon', 'Malak', 'Nils', 'Ottilie', 'Pranav', 'Rhea', 'Santiago', 'Tove', 'Ugo', 'Vanessa', 'Wen', 'Yohannes',
] as const;

export const LAST_NAMES = [
  'Smith', 'Wang', 'Garcia', 'Okafor', 'Nguyen', 'Müller', 'Kim', 'Patel', 'Johnson', 'Rossi', 'Tanaka', 'Silva',
  'Mensah', 'Kowalski', 'Haddad', 'Andersson', 'Fernández', 'Chen', 'Ivanova', 'Dubois', 'Singh', 'Brown',
  'Yamamoto', 'Okonkwo', 'Martínez', 'Li', 'Schmidt', 'Sato', 'Rodríguez', 'Khan', 'Jansen', 'Novak', 'Lopez',
  'Zhang', 'Adeyemi', 'Petrov', 'Moreau', 'Kumar', 'Williams', 'Hoang', 'Nakamura', 'Pereira', 'Osei', 'Larsen',
  'Gonzalez', 'Liu', 'Bianchi', 'Hernández', 'Suzuki', 'Ahmed', 'Fischer', 'Costa', 'Eze', 'Nielsen', 'Park',
  'Sharma', 'Taylor', 'Ali', 'Lefebvre', 'Yilmaz', 'Mwangi', 'Kaur', 'Jones', 'Romano', 'Watanabe', 'Oliveira',
  'Boateng', 'Lindqvist', 'Ramírez', 'Huang', 'Weber', 'Kobayashi', 'Santos', 'Abara', 'Horvat', 'Davies',
  'Reyes', 'Zhou', 'Banerjee', 'Nowak', 'Ferreira', 'Castellano', 'Kariuki', 'Janssen', 'Ito', 'Yang', 'Gupta',
  'Wilson', 'Torres', 'Schneider', 'Mbeki', 'Fontaine', 'Ortiz', 'Hashemi', 'Berg', 'Moreno', 'Wu', 'Iyer',
  'Lambert', 'Okoro', 'Dahl', 'Kato', 'Varga', 'Rahman', 'Murphy', 'Sousa', 'Kovačević', 'Bergström', 'Diaz',
  'Agarwal', 'Nkemelu', 'Hoffmann', 'Morales', 'Xu', 'Jovanović', 'Chowdhury', 'Vasquez', 'Kimura', 'Tshabalala',
  'Lund', 'Achebe', 'Blom', 'Cruz', 'Ekström', 'Gomez', 'Ibarra', 'Nair', 'Quispe', 'Oyelaran', 'Popescu',
  'Richter', 'Sorensen', 'Takahashi', 'Umar', 'Vogel', 'Weiss', 'Zając', 'Acheampong', 'Bauer', 'Carvalho',
  'Duarte', 'Eriksen', 'Falk', 'Ghosh', 'Holm', 'Ikeda', 'Jung', 'Karimi', 'Lin', 'Mahlangu', 'Nasser',
  'Olsen', 'Pham', 'Rocha', 'Sandoval', 'Teo', 'Uchenna', 'Valdés', 'Wójcik', 'Yadav', 'Zamora', 'Alves',
  'Brandt', 'Cohen', 'Delgado', 'Engel', 'Fujita', 'Gallo', 'Hughes', 'Inoue', 'Jaramillo', 'Keller', 'Lozano',
  'Maddox', 'Ndlovu', "O'Brien", 'Pacheco', 'Quinlan', 'Rios', 'Sheikh', 'Tran', 'Ueda', 'Vidal', 'Walsh',
  'Yeo', 'Zubiri', 'Asante', 'Becker', 'Chaudhry', 'Dimitrov', 'Esposito', 'Friedman', 'Grant', 'Hakimi',
  'Islam', 'Jensen', 'Kozlov', 'Ling', 'Marino', 'Nikolaidis', 'Obi', 'Pires', 'Rauf', 'Stewart', 'Toure',
  'Ulloa', 'Volkov', 'Wright', 'Yoon', 'Zhao', 'Aguilar', 'Baptiste', 'Cheng', 'Dlamini', 'Evans', 'Fofana',
] as const;

const ORG_HEADS = [
  'Northwind', 'Bluepeak', 'Harbor', 'Cedar', 'Summit', 'Lumen', 'Ironwood', 'Riverbend', 'Quarry', 'Silverline',
  'Oakridge', 'Brightwater', 'Copperfield', 'Meridian', 'Tallgrass', 'Westbrook', 'Kestrel', 'Larkspur', 'Aurora',
  'Granite', 'Pinecrest', 'Sable', 'Driftwood', 'Evergreen', 'Foxglove', 'Halcyon', 'Juniper', 'Marlow',
  'Nimbus', 'Orchard', 'Prairie', 'Redwood', 'Saltmarsh', 'Thistle', 'Umber', 'Vantage', 'Willow', 'Yarrow',
  'Zephyr', 'Alder', 'Beacon', 'Cobalt', 'Dovetail', 'Ember', 'Fieldstone', 'Glacier', 'Heron', 'Indigo',
] as const;
const ORG_TAILS = [
  'Analytics', 'Health', 'Capital', 'Labs', 'Partners', 'Consulting', 'Robotics', 'Foods', 'Energy', 'Media',
  'Bank', 'Logistics', 'Studios', 'Pharma', 'Software', 'Systems', 'Ventures', 'Foundation', 'Institute',
  'Engineering', 'Insurance', 'Biotech', 'Design', 'Networks', 'Advisors', 'Architects', 'Hospital Group',
  'Public Schools', 'Trust', 'Outfitters',
] as const;
const ORG_INSTITUTIONS = [
  'City Council', 'State Department of Transportation', 'County Library', 'Children’s Museum', 'Community College',
  'Food Bank', 'Housing Authority', 'Public Radio', 'Legal Aid Society', 'Chamber of Commerce',
] as const;

export const TITLES = [
  'Software Engineer', 'Senior Software Engineer', 'Product Manager', 'Data Scientist', 'Data Analyst',
  'Financial Analyst', 'Investment Banking Associate', 'Consultant', 'Senior Consultant', 'Engagement Manager',
  'Recruiter', 'University Recruiter', 'Talent Acquisition Partner', 'HR Business Partner', 'UX Designer',
  'Product Designer', 'Research Scientist', 'Postdoctoral Researcher', 'Professor', 'Associate Professor',
  'Lecturer', 'Teacher', 'Policy Analyst', 'Program Manager', 'Project Manager', 'Operations Manager',
  'Marketing Manager', 'Brand Strategist', 'Content Writer', 'Editor', 'Journalist', 'Attorney', 'Paralegal',
  'Nurse Practitioner', 'Physician', 'Clinical Research Coordinator', 'Mechanical Engineer', 'Civil Engineer',
  'Electrical Engineer', 'Account Executive', 'Sales Development Representative', 'Customer Success Manager',
  'Founder', 'Co-founder', 'Chief Executive Officer', 'Chief Technology Officer', 'Vice President, Engineering',
  'Director of Operations', 'Managing Director', 'Partner', 'Architect', 'Urban Planner', 'Environmental Scientist',
  'Sustainability Manager', 'Supply Chain Analyst', 'Actuary', 'Accountant', 'Auditor', 'Economist',
  'Executive Director', 'Development Officer', 'Grant Writer', 'Community Organizer', 'Social Worker',
  'Lab Technician', 'Quality Engineer', 'DevOps Engineer', 'Security Engineer', 'Machine Learning Engineer',
  'Business Analyst', 'Strategy Associate', 'Intern', 'Graduate Student', 'Career Coach', 'Alumni Relations Officer',
] as const;

export const FIELDS = [
  'Technology', 'Finance', 'Consulting', 'Healthcare', 'Education', 'Government', 'Nonprofit', 'Law', 'Media',
  'Marketing', 'Energy', 'Manufacturing', 'Retail', 'Biotech', 'Real Estate', 'Architecture', 'Research',
  'Public Policy', 'Journalism', 'Arts', 'Hospitality', 'Transportation', 'Agriculture', 'Sports',
] as const;

export const LOCATIONS = [
  'New York, NY', 'San Francisco, CA', 'Chicago, IL', 'Boston, MA', 'Seattle, WA', 'Austin, TX', 'Denver, CO',
  'Atlanta, GA', 'Los Angeles, CA', 'Washington, DC', 'Philadelphia, PA', 'Minneapolis, MN', 'Portland, OR',
  'Toronto', 'Vancouver', 'Montréal', 'London', 'Manchester', 'Dublin', 'Berlin', 'Munich', 'Paris', 'Lyon',
  'Amsterdam', 'Stockholm', 'Copenhagen', 'Oslo', 'Madrid', 'Barcelona', 'Lisbon', 'Milan', 'Zürich', 'Vienna',
  'Warsaw', 'Prague', 'Nairobi', 'Lagos', 'Accra', 'Cape Town', 'Johannesburg', 'Cairo', 'Dubai', 'Mumbai',
  'Bengaluru', 'Delhi', 'Singapore', 'Hong Kong', 'Shanghai', 'Beijing', 'Seoul', 'Tokyo', 'Osaka', 'Sydney',
  'Melbourne', 'Auckland', 'São Paulo', 'Mexico City', 'Bogotá', 'Buenos Aires', 'Santiago', 'Remote',
] as const;

export const TAGS = [
  'alumni', 'mentor', 'recruiter', 'hiring-manager', 'referral', 'career-fair', 'career-fair-2024',
  'career-fair-2025', 'info-interview', 'coffee-chat', 'classmate', 'professor', 'internship', 'summer-2025',
  'fintech', 'ai', 'climate', 'healthcare', 'edtech', 'public-sector', 'startup', 'big-tech', 'consulting',
  'banking', 'nonprofit', 'design', 'data', 'product', 'research', 'phd', 'mba', 'law-school', 'med-school',
  'study-abroad', 'club', 'hackathon', 'conference', 'linkedin', 'follow-up', 'thank-you-sent', 'warm-intro',
  'target-company', 'dream-job', 'reference', 'board', 'volunteer', 'sports', 'music', 'family-friend',
  'neighbour', 'first-gen', 'women-in-tech', 'black-in-ai', 'latinx-network', 'lgbtq-network', 'veterans',
  'international', 'remote-ok', 'bay-area', 'nyc',
] as const;

const HOW_MET = [
  'Career fair booth', 'Alumni mixer', 'Introduced by a professor', 'Informational interview', 'Class project',
  'Hackathon team', 'Conference panel', 'LinkedIn message', 'Summer internship', 'Student club event',
  'Coffee chat', 'Referral from a friend', 'Guest lecture', 'Study abroad programme', 'Volunteering',
] as const;

const NOTE_PHRASES = [
  'Happy to review a resume.', 'Suggested reading on market sizing.', 'Hiring for summer interns next spring.',
  'Prefers email over calls.', 'Went to the same high school.', 'Moving to a new team in the autumn.',
  'Offered to introduce me to their manager.', 'Interested in mentoring first-generation students.',
  'Talked about graduate school applications.', 'Recommended the data visualisation course.',
  'Runs a book club on climate policy.', 'Asked to stay in touch after the panel.', 'Sent a thank-you note.',
  'Follow up after exams.', 'Knows the recruiting team well.', 'Plays in a community orchestra.',
] as const;

const DOMAIN_WORDS = ['mail', 'post', 'inbox', 'campus', 'alumni'] as const;

function ascii(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Invented organisations: head × tail pairs and a few public bodies prefixed by a city. */
export function organisations(count: number, random: Random): string[] {
  const names = new Set<string>();
  while (names.size < count) {
    if (random() < 0.12) names.add(`${pick(random, LOCATIONS).split(',')[0]} ${pick(random, ORG_INSTITUTIONS)}`);
    else names.add(`${pick(random, ORG_HEADS)} ${pick(random, ORG_TAILS)}`);
  }
  return [...names];
}

function someOf<T>(random: Random, items: readonly T[], max: number, skew = 1.6): T[] {
  const n = Math.floor(random() ** 1.5 * (max + 1));
  const out = new Set<T>();
  for (let i = 0; i < n; i += 1) out.add(pickSkewed(random, items, skew));
  return [...out];
}

/** A generator of contacts; the same seed gives the same sequence. */
export function contactGenerator(seed: number, options: { organisations?: number } = {}) {
  const random = prng(seed);
  const orgs = organisations(options.organisations ?? 600, prng(0x0c0ffee));
  let serial = 0;
  return {
    random,
    organisations: orgs,
    next(): CreateContactInput {
      serial += 1;
      const firstName = pickSkewed(random, FIRST_NAMES);
      const lastName = pickSkewed(random, LAST_NAMES, 1.8);
      const organization = random() < 0.88 ? pickSkewed(random, orgs, 1.7) : null;
      const emails: string[] = [];
      if (random() < 0.72) {
        const local = random() < 0.6 ? `${ascii(firstName)}.${ascii(lastName)}` : `${ascii(firstName).slice(0, 1)}${ascii(lastName)}`;
        const domain = organization && random() < 0.7 ? `${slug(organization)}.example` : `${pick(random, DOMAIN_WORDS)}.example`;
        emails.push(`${local}${random() < 0.3 ? Math.floor(random() * 100) : ''}@${domain}`);
        if (random() < 0.12) emails.push(`${ascii(firstName)}${serial % 1000}@${pick(random, DOMAIN_WORDS)}.example`);
      }
      const circle = pickSkewed(random, CIRCLES, 1.3);
      const notes = random() < 0.45 ? '' : someOf(random, NOTE_PHRASES, 3, 1).join(' ');
      return {
        firstName,
        lastName,
        circle,
        organization,
        title: random() < 0.85 ? pickSkewed(random, TITLES, 1.5) : null,
        field: random() < 0.6 ? pickSkewed(random, FIELDS, 1.4) : null,
        location: random() < 0.7 ? pickSkewed(random, LOCATIONS, 1.6) : null,
        emails,
        phones: random() < 0.3 ? [`+1 555 ${String(100 + Math.floor(random() * 900))} ${String(1000 + Math.floor(random() * 9000))}`] : [],
        linkedinUrl: random() < 0.55 ? `https://www.linkedin.com/in/${slug(`${firstName}-${lastName}`)}-${serial.toString(36)}` : null,
        links: [],
        howMet: random() < 0.5 ? pick(random, HOW_MET) : null,
        source: random() < 0.7 ? pickSkewed(random, SOURCES, 1.2) : null,
        referredById: null,
        tags: someOf(random, TAGS, 4),
        notes,
        stage: pickSkewed(random, STAGES, 1.5),
        keepInTouchDays: undefined,
      };
    },
  };
}
