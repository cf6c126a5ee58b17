"""A generator of realistic, varied news articles for speed benchmarks.

``generate_articles(n, seed=...)`` returns ``n`` article texts in the seed
format (an optional `` date YYYY-MM-DD `` prefix, paragraphs separated by blank
lines, title-case section headings). Each article covers one invented disaster
or attack in a real place, with officials, organisations (some introduced as
"Long Name (ACRO)"), demonyms, casualty figures that are revised, quotes,
reactions and tone words, so every stage (NER, entity merging, figures,
sentiment, framing) has real work to do. Sentences are assembled from many
slots, so few repeat across articles. Deterministic for a given seed.
"""

from __future__ import annotations

import random

PLACES = [
    ("Lagos", "Nigeria", "Nigerian"), ("Manila", "Philippines", "Filipino"), ("Karachi", "Pakistan", "Pakistani"),
    ("Lima", "Peru", "Peruvian"), ("Nairobi", "Kenya", "Kenyan"), ("Dhaka", "Bangladesh", "Bangladeshi"),
    ("Istanbul", "Turkey", "Turkish"), ("Marseille", "France", "French"), ("Naples", "Italy", "Italian"),
    ("Porto", "Portugal", "Portuguese"), ("Hamburg", "Germany", "German"), ("Krakow", "Poland", "Polish"),
    ("Kharkiv", "Ukraine", "Ukrainian"), ("Novosibirsk", "Russia", "Russian"), ("Almaty", "Kazakhstan", "Kazakh"),
    ("Jakarta", "Indonesia", "Indonesian"), ("Osaka", "Japan", "Japanese"), ("Busan", "South Korea", "South Korean"),
    ("Chennai", "India", "Indian"), ("Cairo", "Egypt", "Egyptian"), ("Casablanca", "Morocco", "Moroccan"),
    ("Bogota", "Colombia", "Colombian"), ("Guadalajara", "Mexico", "Mexican"), ("Houston", "United States", "American"),
    ("Toronto", "Canada", "Canadian"), ("Melbourne", "Australia", "Australian"), ("Glasgow", "Scotland", "Scottish"),
    ("Athens", "Greece", "Greek"), ("Bucharest", "Romania", "Romanian"), ("Tbilisi", "Georgia", "Georgian"),
]
FIRST = ["Amina", "Carlos", "Yuki", "Olena", "Mehmet", "Priya", "Daniel", "Fatima", "Lars", "Chen", "Sofia",
         "Kwame", "Ivan", "Maria", "Ahmed", "Elena", "Tomasz", "Grace", "Hiroshi", "Leila", "Pedro", "Nadia",
         "Samuel", "Ingrid", "Rafael", "Zainab", "Viktor", "Ana", "Jamal", "Marta"]
LAST = ["Okafor", "Reyes", "Tanaka", "Kovalenko", "Yilmaz", "Sharma", "Weber", "Haddad", "Lindqvist", "Wei",
        "Rossi", "Mensah", "Petrov", "Silva", "Rahman", "Popescu", "Nowak", "Otieno", "Sato", "Karimi", "Alves",
        "Morozova", "Adeyemi", "Berg", "Castillo", "Bello", "Horvath", "Costa", "Mansour", "Jansen"]
OFFICES = ["Interior Minister", "Health Minister", "President", "Prime Minister", "Governor", "Mayor",
           "police chief", "fire service chief", "Foreign Minister", "regional governor"]
ORGS = [("National Emergency Management Agency", "NEMA"), ("Civil Defence Directorate", "CDD"),
        ("State Investigative Service", "SIS"), ("Red Crescent Society", "RCS"), ("Disaster Response Office", "DRO"),
        ("National Police Service", "NPS"), ("Ministry of Health", "MOH"), ("Federal Fire Department", "FFD")]
INTERNATIONAL = ["the United Nations", "the European Union", "the World Health Organization", "Interpol",
                 "the Red Cross", "NATO", "the African Union", "UNICEF", "Amnesty International",
                 "Human Rights Watch"]
GROUPS = ["Islamic State", "ISIS", "al-Shabaab", "the Islamic State group", "a previously unknown militant group",
          "al-Qaeda", "a separatist group"]
VENUES = ["{city} Arena", "Grand Market Hall", "Central Station", "{city} Stadium", "Riverside Shopping Mall",
          "Royal Theatre", "Old Cathedral", "Harbour Bridge", "{city} International Airport", "Unity Tower"]
EVENTS = [("fire", "blaze", "engulfed"), ("explosion", "blast", "ripped through"),
          ("shooting", "gun attack", "struck"), ("bombing", "suicide attack", "hit"),
          ("building collapse", "collapse", "brought down"), ("stampede", "crush", "swept through"),
          ("flood", "flash flood", "inundated"), ("earthquake", "quake", "shook")]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
ADJ_NEG = ["devastating", "horrific", "tragic", "deadly", "brutal", "terrible", "shocking", "appalling",
           "catastrophic", "senseless"]
ADJ_POS = ["heroic", "swift", "remarkable", "generous", "brave", "tireless", "effective", "courageous",
           "impressive", "calm"]
ADV = ["quickly", "repeatedly", "firmly", "angrily", "cautiously", "publicly", "privately", "openly"]
SAID = ["said", "told reporters", "said in a statement", "wrote on social media", "told state television",
        "said at a news conference"]
HEADINGS = ["What Happened", "The Victims", "Rescue Efforts", "Questions Over Safety", "Investigation",
            "International Reaction", "Mourning and Memorials", "A City in Shock", "Who Is Responsible",
            "The Political Fallout", "Warnings Ignored", "Aid and Support", "Eyewitness Accounts"]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


class _Article:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.city, self.country, self.demonym = rng.choice(PLACES)
        other = rng.choice([p for p in PLACES if p[1] != self.country])
        self.other_city, self.other_country, self.other_demonym = other
        self.event, self.event2, self.verb = rng.choice(EVENTS)
        self.venue = rng.choice(VENUES).format(city=self.city)
        self.org, self.acro = rng.choice(ORGS)
        self.group = rng.choice(GROUPS)
        self.people = [(rng.choice(OFFICES), f"{rng.choice(FIRST)} {rng.choice(LAST)}") for _ in range(4)]
        self.killed = rng.randint(3, 240)
        self.injured = self.killed + rng.randint(5, 300)
        self.day = rng.choice(DAYS)

    def person(self, full: bool | None = None) -> str:
        office, name = self.rng.choice(self.people)
        if full is None:
            full = self.rng.random() < 0.5
        if full:
            return f"{self.demonym} {office} {name}" if self.rng.random() < 0.4 else f"{office} {name}"
        return name.split()[-1]

    def sentences(self) -> list[str]:
        r, c = self.rng, self
        neg, pos, adv = r.choice(ADJ_NEG), r.choice(ADJ_POS), r.choice(ADV)
        n_low = max(1, c.killed - r.randint(1, 20))
        options = [
            f"At least {c.killed} people were killed and {c.injured} injured when a {neg} {c.event} {c.verb} "
            f"the {c.venue} in {c.city} on {c.day}, officials {r.choice(SAID)}.",
            f"The {c.event2} {c.verb} the {c.venue} shortly after {r.randint(1, 11)} p.m., when hundreds of people "
            f"were inside, witnesses said.",
            f"{c.person(True)} {r.choice(SAID)} that the death toll had risen from {n_low} to {c.killed} and could "
            f"rise further as rescuers searched the rubble.",
            f"The {c.org} ({c.acro}) said {r.randint(20, 900)} rescuers had been sent to {c.city}, and that "
            f"{r.randint(2, 60)} people were still missing.",
            f"{c.acro} teams worked through the night in {r.choice(['freezing rain', 'thick smoke', 'heavy dust', 'darkness'])}, "
            f"pulling {r.randint(2, 40)} survivors from the wreckage.",
            f"{c.person(False)} {adv} rejected criticism of the {pos} response, saying emergency services had "
            f"arrived within {r.randint(4, 40)} minutes.",
            f"\"It was {neg}. People were screaming and running for the exits,\" said {r.choice(FIRST)} "
            f"{r.choice(LAST)}, a {r.randint(19, 70)}-year-old who escaped with {r.choice(['her', 'his'])} "
            f"{r.choice(['son', 'daughter', 'brother', 'sister', 'friends'])}.",
            f"{c.demonym} authorities arrested {r.randint(2, 11)} people and said they were questioning them about "
            f"possible links to {c.group}.",
            f"{_capital(c.group)} claimed responsibility for the attack in a statement that could "
            f"not be independently verified.",
            f"Officials in {c.other_country} {r.choice(['denied', 'rejected', 'dismissed'])} any involvement, and "
            f"{c.other_demonym} diplomats called the accusations {r.choice(['baseless', 'absurd', 'dangerous'])}.",
            f"{_capital(r.choice(INTERNATIONAL))} condemned the {c.event} and "
            f"offered {r.choice(['help', 'support', 'condolences', 'medical teams'])} to {c.country}.",
            f"Hospitals in {c.city} treated {c.injured} people, {r.randint(5, 80)} of them in a critical condition, "
            f"the {r.choice(['health ministry', 'regional health department', 'city hospital board'])} said.",
            f"Hundreds of residents queued to give blood on {r.choice(DAYS)}, and volunteers handed out "
            f"{r.choice(['water', 'blankets', 'food', 'tea'])} near the {c.venue}.",
            f"The government declared {r.choice(['a day', 'two days', 'three days', 'a week'])} of national "
            f"mourning, and flags flew at half-mast across {c.country}.",
            f"Critics said {r.choice(['safety inspections', 'fire exits', 'warnings', 'building permits'])} had "
            f"been {r.choice(['ignored', 'delayed', 'falsified', 'neglected'])} for years, a claim the "
            f"{c.acro} {adv} denied.",
            f"{c.person(True)} promised a {r.choice(['full', 'thorough', 'independent', 'swift'])} investigation "
            f"and said those responsible would be punished.",
            f"The {r.choice(['United States', 'U.S.', 'European Union', 'Kremlin', 'White House'])} said it had "
            f"{r.choice(['shared intelligence', 'warned of a threat', 'offered assistance'])} weeks before the "
            f"{c.event2}.",
            f"{c.person(False)} thanked {c.other_demonym} rescuers for their {pos} work, {r.choice(SAID)}.",
            f"Prosecutors in {c.other_city} opened a separate case after {r.randint(2, 9)} {c.other_demonym} citizens "
            f"were among the dead.",
            f"By {r.choice(DAYS)} evening the toll stood at {c.killed}, with {r.randint(1, 30)} bodies still "
            f"unidentified, {c.person(False)} said.",
            f"The {c.event} was the {r.choice(['deadliest', 'worst', 'most serious'])} in {c.country} since "
            f"{r.randint(1970, 2019)}, when {r.randint(20, 400)} people died in {c.other_city}.",
            f"Residents described a {neg} night, but praised the {pos} neighbours who opened their homes to "
            f"families who had lost everything.",
            f"Analysts said the {c.event2} would put pressure on {c.person(True)} ahead of elections "
            f"{r.choice(['next year', 'in the spring', 'this autumn'])}.",
            f"It was not clear whether the {c.venue} had been inspected since its opening in "
            f"{r.randint(1965, 2021)}, {r.choice(['local media', 'the newspaper', 'a city official'])} reported.",
        ]
        rest = options[1:]
        r.shuffle(rest)
        return options[:1] + rest  # the lead comes first, as in a news story

    def text(self, words_target: int) -> str:
        pool = self.sentences()
        paragraphs = [" ".join(pool[:3])]
        used, words = 3, sum(len(s.split()) for s in pool[:3])
        headings = self.rng.sample(HEADINGS, 5)
        while words < words_target and used < len(pool) and headings:
            paragraphs.append(headings.pop())
            for _ in range(self.rng.randint(1, 2)):
                take = pool[used:used + self.rng.randint(2, 3)]
                if not take:
                    break
                paragraphs.append(" ".join(take))
                used += len(take)
                words += sum(len(s.split()) for s in take)
        if self.rng.random() < 0.7:
            prefix = f" date 2024-{self.rng.randint(1, 12):02d}-{self.rng.randint(1, 28):02d} "
        else:
            prefix = ""
        return prefix + "\n\n".join(paragraphs)


def generate_articles(n: int, *, seed: int = 7, words: int = 420) -> list[str]:
    """``n`` varied article texts of roughly ``words`` words each."""
    rng = random.Random(seed)
    return [_Article(rng).text(words) for _ in range(n)]
