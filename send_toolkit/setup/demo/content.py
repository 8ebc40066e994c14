"""Fictional demo content: strategies for each area of need and tier, guides and risk guidance.

Everything here is invented for the example council "Northmoor". It is written to read like a
real toolkit so that councils can judge the product, but it is not advice from any real body.
"""

# (title, description, for parents and carers, at home)
STRATEGIES: dict[str, dict[str, list[tuple[str, str, str, str]]]] = {
    "communication_interaction": {
        "getting_advice": [
            (
                "Use visual supports",
                "Visual timetables, now-and-next boards and labelled resources help pupils understand what is happening and what comes next.",
                "Your child's class may use pictures to show the plan for the day.",
                "Use a simple picture plan for the morning routine.",
            ),
            (
                "Simplify adult language",
                "Say the pupil's name first, use short sentences, and give one instruction at a time. Allow processing time of around ten seconds before repeating.",
                "Staff will keep instructions short and give your child time to answer.",
                "Give one instruction at a time and wait before repeating it.",
            ),
            (
                "Pre-teach key vocabulary",
                "Introduce new topic words before the lesson with pictures and real objects, and revisit them afterwards.",
                "Your child may bring home new topic words to practise.",
                "Talk about the new words together and find them in books.",
            ),
            (
                "Plan for unstructured times",
                "Offer a quiet space or a structured activity at break and lunch, and a named adult to go to.",
                "School will plan break times so your child knows what to do and who to ask.",
                "",
            ),
        ],
        "getting_help": [
            (
                "Small-group language sessions",
                "Deliver a structured language group three times a week, tracking progress against the targets in the pupil's plan.",
                "Your child may join a small group that practises talking and listening.",
                "Ask about the words and stories from the group.",
            ),
            (
                "Social communication group",
                "A weekly group to practise turn-taking, joining in and understanding others' feelings, using role play and social stories.",
                "Your child may join a group that practises playing and talking with others.",
                "Play turn-taking games and name feelings together.",
            ),
            (
                "Structured transition support",
                "Prepare for changes with photographs, visits and a transition booklet.",
                "Before a change, school will help your child know what to expect.",
                "Look at the transition booklet together.",
            ),
        ],
        "getting_more_help": [
            (
                "Speech and language therapy programme",
                "Follow a programme written by a speech and language therapist, delivered by a trained adult and reviewed with the therapist each term.",
                "A speech and language therapist may advise the school on a programme for your child.",
                "Ask for the activities to practise at home.",
            ),
            (
                "Advice from the specialist autism team",
                "Request observation and advice from the local authority's autism outreach team and build their advice into the plan.",
                "The school may ask specialist teachers to visit and give advice, with your consent.",
                "",
            ),
            (
                "Augmentative and alternative communication",
                "Introduce a communication system (symbols, signing or a device) agreed with specialists and used consistently by every adult.",
                "Your child may use signs, symbols or a device to communicate.",
                "Learn and use the same signs or symbols at home.",
            ),
        ],
    },
    "cognition_learning": {
        "getting_advice": [
            (
                "Break tasks into small steps",
                "Give checklists and worked examples; chunk longer tasks and check understanding after each step.",
                "Your child's work will be broken into smaller steps.",
                "Break jobs at home into small steps with a checklist.",
            ),
            (
                "Multi-sensory teaching",
                "Use concrete resources, pictures and movement alongside spoken and written explanations.",
                "Lessons will use objects, pictures and movement to help your child learn.",
                "Use objects such as coins and blocks when counting.",
            ),
            (
                "Dyslexia-friendly classroom",
                "Use cream backgrounds, clear sans-serif fonts, and avoid copying from the board.",
                "Your child may have printed notes and coloured backgrounds.",
                "Share books together and read aloud.",
            ),
            (
                "Over-learning and retrieval",
                "Revisit key facts little and often with short retrieval quizzes.",
                "Your child will practise key facts often in short bursts.",
                "Play quick quiz games in the car or at tea time.",
            ),
        ],
        "getting_help": [
            (
                "Precision teaching",
                "Daily 10-minute sessions on a small set of words or facts, with a one-minute probe to measure fluency.",
                "Your child may have short daily practice of words or number facts.",
                "Practise the same small set of words for a few minutes a day.",
            ),
            (
                "Structured phonics catch-up",
                "A small-group phonics programme matched to the pupil's gaps, three times a week.",
                "Your child may join a small reading group.",
                "Read the decodable books sent home.",
            ),
            (
                "Maths catch-up group",
                "Small-group sessions using concrete and pictorial resources to secure number sense.",
                "Your child may join a small maths group.",
                "Count and share things at home: cutlery, toys, coins.",
            ),
        ],
        "getting_more_help": [
            (
                "Educational psychology assessment",
                "Request an assessment from the educational psychology service and build its recommendations into the plan.",
                "With your consent, an educational psychologist may assess how your child learns.",
                "",
            ),
            (
                "Specialist teacher advice",
                "Seek advice from the specific learning difficulties specialist teaching service.",
                "A specialist teacher may visit and advise school staff.",
                "",
            ),
            (
                "Individualised curriculum",
                "A personalised curriculum with highly differentiated targets, reviewed at least three times a year with parents.",
                "Your child's learning may be planned individually.",
                "Ask how you can support the targets at home.",
            ),
        ],
    },
    "semh": {
        "getting_advice": [
            (
                "Predictable routines",
                "Keep routines consistent, warn of changes in advance and greet the pupil by name every day.",
                "School will keep the day predictable and warn your child about changes.",
                "Keep home routines predictable, especially mornings and bedtimes.",
            ),
            (
                "Emotion coaching",
                "Name and validate feelings before setting limits and problem-solving together.",
                "Staff will help your child name feelings and calm down.",
                "Name feelings you notice: 'I can see you are cross.'",
            ),
            (
                "A trusted adult",
                "Agree a key adult the pupil can check in with at the start of the day.",
                "Your child will have a named adult to go to.",
                "",
            ),
            (
                "Calm space",
                "Provide a calm corner with sensory items that any pupil may use, with clear expectations for returning to learning.",
                "Your child may use a calm space when they feel overwhelmed.",
                "Make a calm spot at home with a cushion and favourite things.",
            ),
        ],
        "getting_help": [
            (
                "Nurture group sessions",
                "Small-group sessions focused on belonging, routines and relationships, two afternoons a week.",
                "Your child may join a small nurture group.",
                "Ask your child about the group's snack and activities.",
            ),
            (
                "Thrive-style developmental sessions",
                "One-to-one or small-group sessions planned from a developmental profile and reviewed each term.",
                "Your child may have regular sessions to build confidence and feeling safe.",
                "Spend ten minutes a day doing an activity your child chooses.",
            ),
            (
                "Anxiety management group",
                "A short course teaching pupils to notice worry and use calming strategies.",
                "Your child may learn ways to manage worry.",
                "Practise breathing exercises together.",
            ),
        ],
        "getting_more_help": [
            (
                "Child and adolescent mental health advice",
                "Refer to or consult the local children's mental health service, with parental consent.",
                "School may ask mental health services for advice, with your consent.",
                "",
            ),
            (
                "Mental health support team in schools",
                "Work with the mental health support team on an individual plan.",
                "A mental health practitioner may work with your child in school.",
                "",
            ),
            (
                "Reduced timetable with a return plan",
                "Only as a short-term measure, agreed with parents and reviewed every two weeks, with a plan to return to full time.",
                "Any reduced timetable should be short, agreed with you and reviewed often.",
                "",
            ),
        ],
    },
    "sensory_physical": {
        "getting_advice": [
            (
                "Seating and lighting",
                "Seat the pupil where they can see and hear the teacher, away from glare and background noise.",
                "Your child's seat will be chosen so they can see and hear well.",
                "",
            ),
            (
                "Movement breaks",
                "Plan short movement breaks between tasks.",
                "Your child may have short movement breaks.",
                "Build active play into the day.",
            ),
            (
                "Accessible resources",
                "Provide enlarged print, high-contrast materials or adapted equipment as advised.",
                "Your child may have larger print or special equipment.",
                "",
            ),
            (
                "Sensory audit of the classroom",
                "Reduce noise and visual clutter; offer ear defenders and fidget tools.",
                "School may change the classroom to reduce noise and clutter.",
                "Notice which sounds and places your child finds hard.",
            ),
        ],
        "getting_help": [
            (
                "Fine motor skills group",
                "Short daily activities to build hand strength and pencil control.",
                "Your child may join a group to practise hand skills.",
                "Play with dough, pegs and threading beads.",
            ),
            (
                "Sensory circuit",
                "A short morning circuit of alerting, organising and calming activities.",
                "Your child may start the day with a short activity circuit.",
                "",
            ),
            (
                "Pre-tutoring for hearing-impaired pupils",
                "Introduce topic vocabulary before lessons, checking equipment daily.",
                "Your child may learn new words before lessons.",
                "Check hearing aids each morning.",
            ),
        ],
        "getting_more_help": [
            (
                "Qualified teacher of the deaf or of vision impairment",
                "Follow advice and programmes from the sensory support service.",
                "A specialist teacher may visit and advise.",
                "",
            ),
            (
                "Occupational therapy and physiotherapy programmes",
                "Deliver therapy programmes as written by therapists, with regular review.",
                "Therapists may write programmes for school staff to deliver.",
                "Ask for the exercises to do at home.",
            ),
            (
                "Individual healthcare plan",
                "Agree an individual healthcare plan with parents and health professionals.",
                "School will agree a healthcare plan with you.",
                "",
            ),
        ],
    },
}

KEY_STAGE_NOTES = {
    "early_years": "In the early years, strategies are built into play and everyday routines.",
    "ks1": "At Key Stage 1, keep strategies concrete, visual and part of classroom routines.",
    "ks2": "At Key Stage 2, involve the pupil in choosing strategies and reviewing what helps.",
    "ks3": "At Key Stage 3, share strategies with every subject teacher through a one-page profile.",
    "ks4": "At Key Stage 4, plan access arrangements for examinations early.",
    "post16": "Post-16, the young person leads: plan with them, not for them, and prepare for adulthood.",
}

APDR_STEPS = [
    (
        "Step 1: Assess – understanding needs",
        "<p>Teachers, the SENCO, parents and other professionals work together to build a clear picture of a child's needs. "
        "They look at classroom observations and assessments, progress compared with other children, your views and "
        "your child's views, and advice from other professionals such as health or social care.</p>"
        "<p>With your consent, the school may ask other professionals for advice. Schools should take seriously any "
        "concerns raised by a parent.</p>",
    ),
    (
        "Step 2: Plan – agreeing the right support",
        "<p>Together you agree a plan. It sets out the outcomes your child is working towards, the strategies and "
        "resources that will be used, the expected impact, who will provide the support, and when progress will be "
        "reviewed.</p><p>When a school decides to give your child SEN support, it must formally tell you.</p>",
    ),
    (
        "Step 3: Do – putting the plan into action",
        "<p>The support is put in place. It should be tailored to your child, based on evidence, and checked regularly. "
        "The school keeps you informed. Your child's class or subject teacher stays responsible for their learning "
        "every day, even when extra help is given by someone else.</p>",
    ),
    (
        "Step 4: Review – checking progress",
        "<p>The plan is reviewed to see how well it is working: the impact and quality of the support, your child's "
        "progress, and your views and your child's views. Schools should meet parents at least three times a year, "
        "usually once a term.</p>",
    ),
]

APDR_NEXT_STEPS = (
    "<p>After each review the cycle starts again. Depending on progress, next steps may be:</p>"
    "<ul><li>continuing with the current plan</li><li>updating the plan, changing strategies or goals</li>"
    "<li>seeking advice from professionals</li><li>if more support is needed, you and the school may consider "
    "requesting an Education, Health and Care (EHC) needs assessment</li></ul>"
)

RISKS = [
    (
        "Self-harm",
        "<p>Unexplained cuts, burns or bruises; wearing long sleeves in hot weather; withdrawal from friends; "
        "talking about feeling hopeless.</p>",
        "<ul><li>Stay calm and listen without judgement.</li><li>Give first aid if needed and call 999 if the injury is serious.</li>"
        "<li>Tell the designated safeguarding lead the same day.</li></ul>",
        "<p>Your designated safeguarding lead, the children's mental health service and, with the young person's "
        "knowledge, their parents or carers.</p>",
    ),
    (
        "Leaving the school site without permission",
        "<p>Attempts to leave the classroom or site, especially at transitions or when overwhelmed.</p>",
        "<ul><li>Follow the school's missing child procedure.</li><li>Do not chase: keep the child in sight if it is safe.</li>"
        "<li>Inform parents and, if the child cannot be found, the police.</li></ul>",
        "<p>The designated safeguarding lead; parents or carers; the police if the child is missing.</p>",
    ),
    (
        "Harm to others",
        "<p>Physical aggression towards pupils or staff, often linked to distress, sensory overload or unmet needs.</p>",
        "<ul><li>Make the area safe and reduce demands.</li><li>Follow the pupil's individual risk plan.</li>"
        "<li>Record the incident and review the plan with parents.</li></ul>",
        "<p>The SENCO, the designated safeguarding lead and, where needed, the local authority's behaviour support service.</p>",
    ),
]
