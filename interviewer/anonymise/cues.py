"""Provides the linguistic cue words shared by the name, place and institution recognizers."""

from __future__ import annotations

TITLES = frozenset("""dr doctor mr mrs ms miss mx prof professor sister nurse father councillor cllr sir dame reverend rev
auntie aunty aunt uncle nan nana nanna grandma granny grandad grandpa cousin pastor imam rabbi vicar canon chaplain
deacon madam madame maulana maulvi moulana ustaz ustadh mufti alhaji alhaja hajia hajiya swami kapitan encik puan datuk
dato""".split())
PERSONAL_TITLES = frozenset("mr mrs ms miss mx dr doctor prof professor sir dame councillor cllr reverend rev madam madame".split())
"""Titles that only ever precede a name (unlike 'nurse' or 'sister', which also precede roles)."""
ABBREVIATED_TITLES = frozenset("mr mrs ms mx dr prof cllr rev".split())
"""Titles written short, which only ever precede a name ('dr brown' in lower case is a name, 'the doctor said' is not)."""
POSSESSIVES = frozenset("my his her our their your".split())
SURNAME_PARTICLES = frozenset("van von der den de la le du da di del della mc mac st".split())
"""Little words inside surnames ('van der Merwe', 'mc Keown' as speech recognition writes it)."""
MONTHS = frozenset("january february march april may june july august september october november december".split())
MONTH_PREPOSITIONS = frozenset("""in of since until till by last next early late mid end every this from through during
before after the that each around about into""".split())
SPEECH_VERBS = frozenset("""said says told asked rang phoned came comes went goes texted emailed reckons thinks thought wanted
wants was is 's ’s had has will would does did were used""".split())
STRONG_SPEECH_VERBS = frozenset("said says told asked rang phoned texted emailed reckons".split())
CLAUSE_OPENERS = frozenset("""because cos so and but if when that with then like called named than or after before while
until tell told ask asked ring rang phone phoned see saw""".split())
PLACE_PREPOSITIONS = frozenset("""in at from to near round around over up down towards outside via into through of
across past beyond fae frae intae tae""".split())
DETERMINERS = frozenset("""the a an my his her their our your its this that these those some no any every each another
what which whose such""".split())
NOT_AFTER_A_TITLE = PLACE_PREPOSITIONS | DETERMINERS | frozenset("""on for with by as and or but i he she you him it we
they me us them so just then now also too said says told asked rang came went was is has had""".split())
"""Little words that carry the sentence on after a title written out as a role ('a doctor in', 'the nurse and', 'go to
the doctor so'): never the name after a title, though 'In', 'He' and 'So' are surnames in the lists."""
FILLERS = frozenset("""yeah yep yes nah no um erm er uh hmm mm ok okay mum mam dad nan lol hun love pet mate cos gran granny
grandma grandad granda grandpa nana nanna mammy mommy mom ma da pop papa""".split())
LEADING_NOISE = frozenset("""so and but then well yeah oh um erm the a an at in on to from our my his her their with
like at up down over for by of is was""".split())
SUBJECT_PRONOUNS = frozenset("i you we they he she".split())
"""Pronouns a verb follows ('i miss', 'we love', 'he coaches'): the word after one is its verb, not a name."""
KIN_NOUNS = frozenset("""daughter son sister brother wife husband partner friend cousin auntie aunty uncle nephew niece
grandson granddaughter colleague manager boss neighbour mate pal buddy girlfriend boyfriend fiance fiancé fiancee fiancée
stepson stepdaughter stepbrother stepsister roommate flatmate housemate""".split())
KIND_OF_PLACE = frozenset("""car skate ski play theme water trailer caravan retail business industrial science country
national safari amusement ball bus dog golf sea river local big little old new main small nice lovely same other""".split())
"""Words that say what kind of park, hill or bridge it is ('the car park', 'a country park'), not which one."""
PERSON_NOUNS = frozenset("""boy girl lad lass man woman lady guy fella fellow bloke kid chap gentleman patient
client""".split())
"""Words for a person before their name ('a boy sipho he ...', 'a lad everyone calls Chalky')."""
CARE_ROLES = frozenset("""nurse doctor physio physiotherapist midwife counsellor counselor therapist psychologist psychiatrist
carer caregiver keyworker caseworker consultant surgeon dietitian pharmacist chaplain sponsor coach teacher landlord
landlady worker helper volunteer receptionist cleaner nanny childminder advocate adviser advisor officer""".split())
"""What someone is to the participant's care or daily life: 'the physio, Florence, ...' names that person."""
PARENTS = frozenset("""mum mam mom dad da nan nana nanna gran granny grandma grandmom grandmother grandad granddad grandpa
grandpop grandfather""".split())
"""Words for a parent or grandparent, which a name may follow ('my grandmom dot', 'me mam sheila'); not kin nouns, since
alone they are what someone is called ('Mum said')."""
PERSON_WORDS = PERSON_NOUNS | KIN_NOUNS | CARE_ROLES
"""Every word for a person by sort, kin or role: a person, never an organisation's or a nickname's name."""
WHERE_PREPOSITIONS = frozenset("in at from near outside around round fae frae".split())
PLACE_POSITION_BEFORE = frozenset("""in from near outside around round across towards toward via into through beyond past fae frae
intae bred""".split())
"""Words after which a name is a place ('in Tyler', 'from Savannah', Scots 'fae Arbroath', 'born and bred Bransholme'),
not a person."""
TO_WORDS = frozenset({"to", "tae"})
"""'to', and the Scots 'tae': after a motion word, what follows is a destination ('went tae Broughty Ferry')."""
MOTION_WORDS = frozenset("""move moved moves moving went go goes going gone came come comes coming drove drive driving flew fly
flying travelled traveled travel back up down over out relocated emigrated trip way route train bus flight flights ticket
tickets holiday holidays vacation commute commuted commuting transferred posted sent home walk walked walking""".split())
"""Words before 'to' that make what follows a destination ('moved to Tulsa', 'back to Cork')."""
PLACE_KIND_AFTER = frozenset("county city state province parish borough shire township region area district".split())
WORK_VERBS = frozenset("work works worked working job jobs employed employer joined started apprentice placement".split())
"""Words before 'at' or 'for' that make what follows a workplace."""
WORK_NOUNS = frozenset("""shift shifts warehouse security cleaning driving deliveries delivery registers register tills
till checkouts checkout counter desk kitchens kitchen reception floor agency contract contracts nights factory plant
depot site centre center office store mill yard""".split())
"""Nouns of a job or workplace before 'for' or 'at' ('a bit of security for Guardline', 'on the tills at Crannog
Foods', 'a distribution centre for Brightlane')."""
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
SERVICE_WORDS = frozenset("""care health healthcare social services service practice medicine nursing therapy therapies
treatment support team teams unit department clinic primary secondary tertiary intensive general mental public community
adult adults children child emergency outpatients inpatients recovery education training research management policy
government commissioning safeguarding rehabilitation rehab palliative maternity paediatrics paediatric surgery medical
clinical acute crisis housing benefits law act programme approach plan pathway assessment review network liaison
psychiatry psychology dementia diabetes cancer stroke respiratory cardiology oncology pharmacy dental sexual""".split())
"""Words of services and fields ('in Primary Care', 'at Adult Social Care'): capitalised, they still name no place."""
SERVICE_KIND_WORDS = SERVICE_WORDS | frozenset("""patient patients transport rapid response intervention early district
home visiting carers carer family families young people older disability disabilities learning addiction drug drugs
alcohol substance misuse bereavement advice information welfare rights employment benefit hospital discharge falls
memory pain sleep weight smoking stop quit peer parent parents parenting women men youth self help sexual reproductive
occupational environmental oral allied behavioral behavioural integrated maternal infant student veterans elderly aged
elder foster respite personal specialist urgent critical heart kidney renal lung liver asthma autism""".split())
"""Words that say what a service or group does or whom it serves ('Patient Transport Services', 'the Carers Support
Group', 'Sexual and Reproductive Health', 'Aged Care', 'disability services'): they name a kind, not one service."""
PERSON_VERBS = frozenset("""runs comes does goes brings picks knows works helps lives gets takes makes keeps drives
rings phones texts visits says tells thinks wants loves hates came went got took made kept drove""".split())
"""Verbs that, after a capitalised word opening a sentence, make it a person ("Delroy runs that")."""
VENUE_PREPOSITIONS = frozenset("at to from in down into outside inside near called named".split())
GENERIC_CAPITALISED = frozenset("""internet web bible koran quran queen king army navy police government church lord god
world earth moon sun pill coil jab vaccine lottery pandemic news media press tube underground met ministry home office
parliament commons lords cabinet treasury state crown court courts bank""".split())
"""Words often capitalised after 'the' that name no local place ('the Internet', 'the Police', 'the Home Office')."""
NEAR_BY = frozenset("out down up over round around somewhere right".split())
"""Words before 'by' that make it mean 'near' ('out by Kearney')."""
EMBLEMS = frozenset("""kestrel falcon hawk eagle owl robin wren swallow swift heron kingfisher lark skylark blackbird
thrush starling sparrow magpie raven rook jay puffin pelican phoenix dove swan goose otter badger fox hare beaver bear
wolf lion tiger stag deer fawn hedgehog squirrel dolphin whale seal turtle butterfly dragonfly ladybird bumblebee
thistle heather bluebell daffodil snowdrop primrose poppy lotus lily lilac jasmine lavender clover shamrock fern ivy
acorn acorns oak oaks ash elm willow willows rowan hawthorn holly birch cedar pine maple cherry sycamore yew wattle
banksia kowhai pohutukawa sage rosemary sunflower magnolia orchid seedling seedlings sprout shoots roots
anchor lantern lighthouse beacon compass arrow harbour haven horizon rainbow moonbeam star stars
comet lodestar keystone cornerstone tapestry mosaic patchwork kaleidoscope
orchard orchards meadow meadows summit ridge prairie plains valley vale glen dale brook riverbend riverside lakeside
highland highlands moorland heath woodland woodlands canyon mesa cove shore rosewood redwood ironbark evergreen sunrise
sunset aurora harmony serenity tranquility oasis sanctuary wellspring""".split())
"""Animals, plants, landmarks and objects that organisations take as their emblem ('the kestrel group', 'iron thistle
gym', 'little otter bikes'): such a word before an organisation's head names one, not a kind of one."""
PLAYING = frozenset("""play plays played playing coach coaches coached coaching support supports supported
supporting signed joined train trains trained training""".split())
"""Verbs before 'for' or 'with' (or straight before the name) that make what follows a team."""
CALLING = frozenset("ring rang rung ringing rings phone phoned phoning phones".split())
"""Verbs after which a practice, pharmacy or firm is the one rung ('you ring orchard surgery')."""
LEGAL_HEADS = frozenset("cic cio ltd limited plc llp inc incorporated alliance bhd gmbh".split())
"""Heads that always close an organisation's name, whatever words precede them."""
HEADS = {
    "HOSPITAL": frozenset("""hospital infirmary hospice surgery clinic practice memorial general royal doctors medical dental
renal rehab""".split()),
    "ORGANIZATION": frozenset("""college university school academy nursery group partnership trust project charity
foundation network forum association society club circle centre center service services church chapel mosque masjid
temple gurdwara housing council cafe café pub inn arms tavern hotel lodge manor hub pharmacy chemist chemists bakery
garage carpets salon studio foundry mill logistics roofing engineering transport homecare rfc fc united elementary
deli diner takeaway plumbing security solutions cleaning electrical recruitment consulting lettings tech technologies
company corporation institute llc gazette herald chronicle advertiser courier observer secondary primary elementary
infants juniors uni poly voices cvs middle high care health vets orchestra drilling hostel gym collective coaches shelter
bikes thrift singers choir kitchen pantry larder cooperative co-op hardware printing printers brothers sons traders trading
wholesale wholesalers supermarket pagoda kovil mandir medicine maternity pediatrics paediatrics hematology
haematology oncology cardiology dermatology endocrinology orthopedics orthopaedics brewing brewery energy resources
fellowship ministries tabernacle partners fabrications fabrication analytics refining intermediate hosiery cinema
league buses barbering barbers tiles fitness joinery tyres tires motors glazing fencing flooring landscaping
removals haulage kennels cattery opticians athletic athletics""".split())
    | LEGAL_HEADS,
}
"""Lower-case words that close an institution's name, by the type of what they name."""
CONDITION_WORDS = frozenset("""alzheimer alzheimer's alzheimers dementia parkinson parkinson's parkinsons stroke diabetes
sickle cell cystic fibrosis multiple sclerosis ms motor neurone neuron disease mnd epilepsy asthma autism autistic arthritis
cancer leukaemia leukemia lymphoma myeloma kidney lung heart liver brain tumour tumor huntington's huntingtons down's
downs syndrome crohn's crohns colitis psoriasis lupus endometriosis thalassaemia haemophilia hemophilia eczema migraine
bipolar schizophrenia anorexia bulimia eating disorders ovarian prostate breast bowel pancreatic cervical hearing sight
blind deaf dyslexia dyspraxia ataxia scoliosis fibromyalgia me cfs hiv aids hepatitis tb sepsis meningitis stammering
and the of""".split())
"""Conditions that national charities are named for ('the Alzheimer Society', 'Sickle Cell Society', 'Motor Neurone
Disease Association'), with the small words that join them ("Crohn's and Colitis")."""
