"""Fictional demo interventions for Northmoor Council, with staff rates, cost bands and sub-needs.

Every name, provider and figure here is invented to show how the library works; none of it is a
recommendation. Loading is idempotent: existing records (matched by name) are left as they are.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from send_toolkit.interventions.models import (
    Audience,
    CostBand,
    Delivery,
    EvidenceStrength,
    Intervention,
    KeyStage,
    NeedArea,
    StaffRole,
    SubNeed,
)
from send_toolkit.pages.models import TierPage, ToolkitPage

STAFF_ROLES = [
    ("Teaching assistant", "15.00"),
    ("Higher level teaching assistant", "18.50"),
    ("Learning mentor", "17.50"),
    ("Teacher", "38.50"),
    ("SENCO", "45.00"),
    ("Speech and language therapist", "52.00"),
    ("Specialist teacher (outreach)", "55.00"),
    ("Educational psychologist", "75.00"),
]

COST_BANDS = [
    ("£", "250.00", "up to £250 a pupil a year"),
    ("££", "1000.00", "£250 to £1,000 a pupil a year"),
    ("£££", None, "more than £1,000 a pupil a year"),
]

SUB_NEEDS = [
    ("Speech, language and communication needs (SLCN)", "communication_interaction"),
    ("Autism", "communication_interaction"),
    ("Specific learning difficulties (SpLD)", "cognition_learning"),
    ("Moderate learning difficulties (MLD)", "cognition_learning"),
    ("Anxiety and low mood", "semh"),
    ("Attention and self-regulation", "semh"),
    ("Hearing impairment (HI)", "sensory_physical"),
    ("Vision impairment (VI)", "sensory_physical"),
    ("Physical disability", "sensory_physical"),
    ("Sensory processing", "sensory_physical"),
]

C, L, S, P = "communication_interaction", "cognition_learning", "semh", "sensory_physical"
EY, KS1, KS2, KS3, KS4, P16 = "early_years", "ks1", "ks2", "ks3", "ks4", "post16"
ADVICE, HELP, MORE = "getting_advice", "getting_help", "getting_more_help"
CLASS, GROUP, ONE = Delivery.WHOLE_CLASS, Delivery.SMALL_GROUP, Delivery.ONE_TO_ONE
STRONG, MODERATE, EMERGING, PRACTICE = (
    EvidenceStrength.STRONG,
    EvidenceStrength.MODERATE,
    EvidenceStrength.EMERGING,
    EvidenceStrength.PRACTICE,
)
REVIEWED = datetime.date(2026, 7, 1)


def _item(name, summary, areas, stages, tier, delivery, group, minutes, per_week, weeks, role, **extra) -> dict:
    return {
        "name": name,
        "summary": summary,
        "need_areas": areas,
        "key_stages": stages,
        "tier": tier,
        "delivery": delivery,
        "group_size": group,
        "session_minutes": minutes,
        "sessions_per_week": Decimal(str(per_week)),
        "weeks": weeks,
        "staff_role": role,
        **extra,
    }


# (the first need area, key stage and tier of the items marked on_tier_page decide which tier page shows them)
INTERVENTIONS: list[dict] = [
    # Communication and Interaction
    _item(
        "Early Talk Boosters",
        "A playful small-group programme that builds attention, listening and early vocabulary for children whose talking is slow to develop.",
        [C],
        [EY],
        HELP,
        GROUP,
        4,
        15,
        3,
        10,
        "Teaching assistant",
        sub_needs=["Speech, language and communication needs (SLCN)"],
        resource_cost="85.00",
        training_required="Half-day setting-based training.",
        training_cost="120.00",
        evidence_strength=MODERATE,
        provider="Northmoor Early Years Team",
        for_parents="Your child will play listening and talking games with a few other children.",
        at_home="Share a picture book and name what you see together.",
        on_tier_page=True,
    ),
    _item(
        "Now and Next boards across the setting",
        "Every adult uses the same simple now-and-next boards so children know what is happening and what comes next.",
        [C],
        [EY, KS1],
        ADVICE,
        CLASS,
        26,
        5,
        5,
        None,
        "Teaching assistant",
        sub_needs=["Autism"],
        resource_cost="40.00",
        evidence_strength=PRACTICE,
        for_parents="Staff will show your child pictures of what is happening now and next.",
        at_home="Try a now-and-next card for getting ready in the morning.",
        on_tier_page=True,
    ),
    _item(
        "Sentence Builders",
        "Structured small-group sessions using colour-coded sentence parts to help pupils say and write longer sentences.",
        [C, L],
        [KS1, KS2],
        HELP,
        GROUP,
        4,
        30,
        3,
        38,
        "Teaching assistant",
        sub_needs=["Speech, language and communication needs (SLCN)"],
        resource_cost="0.00",
        evidence_strength=MODERATE,
        provider="Northmoor Speech and Language Service",
        for_parents="Your child will practise building sentences in a small group three times a week.",
        at_home="Ask 'who?', 'doing what?' and 'where?' questions about pictures.",
        on_tier_page=True,
    ),
    _item(
        "Building Blocks social play group",
        "Pupils build models together taking turns as engineer, supplier and builder, practising communication and joint attention.",
        [C],
        [KS1, KS2, KS3],
        HELP,
        GROUP,
        3,
        45,
        1,
        12,
        "Teaching assistant",
        sub_needs=["Autism"],
        resource_cost="150.00",
        training_required="One twilight session.",
        training_cost="60.00",
        evidence_strength=EMERGING,
        for_parents="Your child will build models with two other pupils and practise working as a team.",
        at_home="Play turn-taking games and talk about whose turn it is.",
    ),
    _item(
        "Social stories and comic-strip conversations",
        "An adult writes short personalised stories to explain a situation the pupil finds hard, and reviews them weekly.",
        [C, S],
        [KS1, KS2, KS3, KS4],
        ADVICE,
        ONE,
        1,
        15,
        2,
        12,
        "Teaching assistant",
        sub_needs=["Autism"],
        evidence_strength=PRACTICE,
        for_parents="School may write short stories with your child to explain situations they find difficult.",
        at_home="Read the story together before the situation happens.",
    ),
    _item(
        "Language for Secondary: vocabulary groups",
        "Pre-teaching subject vocabulary to small groups of Key Stage 3 pupils with language difficulties, linked to the curriculum.",
        [C],
        [KS3, KS4],
        HELP,
        GROUP,
        5,
        40,
        2,
        20,
        "Higher level teaching assistant",
        sub_needs=["Speech, language and communication needs (SLCN)"],
        resource_cost="60.00",
        evidence_strength=MODERATE,
        for_parents="Your child will learn key words for lessons before the lessons happen.",
        on_tier_page=True,
    ),
    _item(
        "Speech and language therapy block",
        "A block of direct therapy from a speech and language therapist, with a programme for staff to carry on between visits.",
        [C],
        [EY, KS1, KS2],
        MORE,
        ONE,
        1,
        45,
        1,
        8,
        "Speech and language therapist",
        sub_needs=["Speech, language and communication needs (SLCN)"],
        evidence_strength=STRONG,
        provider="Northmoor Community Health (fictional)",
        audience=Audience.PRACTITIONERS,
        on_tier_page=True,
    ),
    _item(
        "Communication passport for college",
        "The student and a key worker write a one-page passport about how they communicate best, shared with every tutor.",
        [C],
        [P16],
        ADVICE,
        ONE,
        1,
        30,
        1,
        4,
        "Learning mentor",
        evidence_strength=PRACTICE,
        for_parents="Your young person will write a short guide to how they communicate, to share with tutors.",
        on_tier_page=True,
    ),
    _item(
        "Augmentative communication set-up and coaching",
        "Specialist outreach sets up a symbol or device system and coaches every adult who works with the pupil.",
        [C, P],
        [EY, KS1, KS2, KS3],
        MORE,
        ONE,
        1,
        60,
        1,
        6,
        "Specialist teacher (outreach)",
        resource_cost="450.00",
        training_required="Whole-team training by the outreach service.",
        training_cost="300.00",
        evidence_strength=MODERATE,
        audience=Audience.PRACTITIONERS,
    ),
    # Cognition and Learning
    _item(
        "Precision teaching for key words",
        "Short daily one-to-one bursts practising a few words or number facts to fluency, charted so progress is visible.",
        [L],
        [KS1, KS2, KS3],
        HELP,
        ONE,
        1,
        10,
        5,
        20,
        "Teaching assistant",
        sub_needs=["Specific learning difficulties (SpLD)", "Moderate learning difficulties (MLD)"],
        evidence_strength=MODERATE,
        for_parents="Your child will practise a few words every day for ten minutes.",
        at_home="Practise the same few words for two minutes a day.",
        on_tier_page=True,
    ),
    _item(
        "Phonics catch-up group",
        "Daily small-group phonics practice for pupils behind the expected phonics phase, with weekly checks.",
        [L],
        [KS1, KS2],
        HELP,
        GROUP,
        4,
        30,
        3,
        38,
        "Teaching assistant",
        sub_needs=["Specific learning difficulties (SpLD)"],
        evidence_strength=STRONG,
        provider="Northmoor School Improvement (fictional)",
        for_parents="Your child will practise sounds and words in a group of four, three times a week.",
        at_home="Read the decodable book your child brings home together.",
        on_tier_page=True,
    ),
    _item(
        "Number sense in the early years",
        "Games with dice, dominoes and real objects to build counting and an understanding of quantity.",
        [L],
        [EY],
        ADVICE,
        GROUP,
        6,
        15,
        3,
        12,
        "Teaching assistant",
        resource_cost="45.00",
        evidence_strength=MODERATE,
        for_parents="Your child will play number games in a small group.",
        at_home="Count stairs, spoons and toys together.",
        on_tier_page=True,
    ),
    _item(
        "Maths mastery catch-up",
        "A teacher-led small group that revisits place value and calculation with concrete and pictorial resources.",
        [L],
        [KS2, KS3],
        HELP,
        GROUP,
        6,
        45,
        2,
        24,
        "Teacher",
        sub_needs=["Moderate learning difficulties (MLD)"],
        resource_cost="90.00",
        evidence_strength=STRONG,
        for_parents="Your child will work with a teacher in a small maths group twice a week.",
    ),
    _item(
        "Dyslexia-friendly classroom",
        "Class-wide adjustments: cream backgrounds, clear fonts, key words on the board and printed notes.",
        [L],
        [KS1, KS2, KS3, KS4, P16],
        ADVICE,
        CLASS,
        30,
        5,
        5,
        None,
        "Teacher",
        sub_needs=["Specific learning difficulties (SpLD)"],
        evidence_strength=PRACTICE,
        for_parents="Teachers will make handouts and boards easier to read for everyone.",
        on_tier_page=True,
    ),
    _item(
        "Touch-typing programme",
        "Self-paced typing practice with weekly adult check-ins, so pupils who find handwriting hard can record work quickly.",
        [L, P],
        [KS2, KS3, KS4],
        HELP,
        GROUP,
        6,
        20,
        3,
        15,
        "Teaching assistant",
        sub_needs=["Specific learning difficulties (SpLD)", "Physical disability"],
        resource_cost="180.00",
        evidence_strength=EMERGING,
        for_parents="Your child will learn to touch-type so they can record work on a laptop.",
    ),
    _item(
        "Study skills and revision coaching",
        "Small-group coaching in planning, memory techniques and exam technique for students with learning needs.",
        [L],
        [KS4, P16],
        HELP,
        GROUP,
        8,
        50,
        1,
        10,
        "Higher level teaching assistant",
        evidence_strength=MODERATE,
        for_parents="Your young person will learn ways to plan revision and remember what they learn.",
        on_tier_page=True,
    ),
    _item(
        "Specialist literacy assessment and teaching",
        "Diagnostic assessment by a specialist teacher followed by a one-to-one structured literacy programme.",
        [L],
        [KS2, KS3, KS4],
        MORE,
        ONE,
        1,
        45,
        2,
        20,
        "Specialist teacher (outreach)",
        sub_needs=["Specific learning difficulties (SpLD)"],
        resource_cost="75.00",
        evidence_strength=STRONG,
        audience=Audience.PRACTITIONERS,
        on_tier_page=True,
    ),
    _item(
        "Educational psychology consultation",
        "Consultation with an educational psychologist to analyse barriers to learning and agree a plan with the family.",
        [L, S],
        [EY, KS1, KS2, KS3, KS4, P16],
        MORE,
        ONE,
        1,
        90,
        1,
        3,
        "Educational psychologist",
        evidence_strength=PRACTICE,
        audience=Audience.PRACTITIONERS,
    ),
    # Social, Emotional and Mental Health
    _item(
        "Calm corner and emotion coaching",
        "A quiet corner with feelings cards and adults trained to name and validate emotions before problem-solving.",
        [S],
        [EY, KS1, KS2],
        ADVICE,
        CLASS,
        28,
        10,
        5,
        None,
        "Teaching assistant",
        resource_cost="60.00",
        training_required="One staff meeting.",
        evidence_strength=MODERATE,
        for_parents="Your child's class has a calm space and adults who help children name their feelings.",
        at_home="Name feelings out loud: 'You look frustrated.'",
        on_tier_page=True,
    ),
    _item(
        "Worry Busters group",
        "A six-week small group teaching children to notice worries and use calming and thinking strategies.",
        [S],
        [KS2, KS3],
        HELP,
        GROUP,
        6,
        45,
        1,
        6,
        "Learning mentor",
        sub_needs=["Anxiety and low mood"],
        resource_cost="35.00",
        training_required="One day of training.",
        training_cost="150.00",
        evidence_strength=EMERGING,
        provider="Northmoor Mental Health Support Team (fictional)",
        for_parents="Your child will join a short group about managing worries.",
        at_home="Ask about the 'worry tools' your child has learned.",
        on_tier_page=True,
    ),
    _item(
        "Check-in, check-out mentoring",
        "A named adult greets the pupil each morning, sets a goal and reviews it at the end of the day.",
        [S],
        [KS1, KS2, KS3, KS4],
        HELP,
        ONE,
        1,
        10,
        10,
        38,
        "Learning mentor",
        sub_needs=["Attention and self-regulation"],
        evidence_strength=MODERATE,
        for_parents="Your child will start and end each day with a short chat with the same adult.",
        on_tier_page=True,
    ),
    _item(
        "Emotional literacy support sessions",
        "Weekly one-to-one sessions with a trained assistant on recognising and managing emotions, friendships and self-esteem.",
        [S],
        [KS1, KS2, KS3],
        HELP,
        ONE,
        1,
        30,
        1,
        10,
        "Teaching assistant",
        sub_needs=["Anxiety and low mood"],
        training_required="Six-day course with supervision.",
        training_cost="450.00",
        evidence_strength=EMERGING,
    ),
    _item(
        "Zones of regulation across the class",
        "A shared colour language for feelings and energy levels used by every adult and pupil in the class.",
        [S],
        [EY, KS1, KS2],
        ADVICE,
        CLASS,
        30,
        15,
        2,
        12,
        "Teacher",
        sub_needs=["Attention and self-regulation"],
        resource_cost="30.00",
        evidence_strength=PRACTICE,
        for_parents="Your child's class uses colours to talk about how they are feeling.",
    ),
    _item(
        "Transition to secondary group",
        "Extra visits, a photo booklet and a summer-term group to prepare anxious pupils for the move to secondary school.",
        [S, C],
        [KS2, KS3],
        HELP,
        GROUP,
        8,
        60,
        1,
        6,
        "Learning mentor",
        sub_needs=["Anxiety and low mood", "Autism"],
        resource_cost="50.00",
        evidence_strength=PRACTICE,
        for_parents="Your child will visit their new school more often and get to know it in a small group.",
    ),
    _item(
        "Young person's wellbeing plan with college",
        "A student, their family and a college mentor agree a wellbeing plan with check-ins every fortnight.",
        [S],
        [P16],
        HELP,
        ONE,
        1,
        30,
        0.5,
        30,
        "Learning mentor",
        sub_needs=["Anxiety and low mood"],
        evidence_strength=PRACTICE,
        on_tier_page=True,
    ),
    _item(
        "Therapeutic play sessions",
        "One-to-one sessions with a trained practitioner using play to help a child express and process difficult feelings.",
        [S],
        [EY, KS1, KS2],
        MORE,
        ONE,
        1,
        45,
        1,
        12,
        "Higher level teaching assistant",
        training_required="Accredited course.",
        training_cost="900.00",
        evidence_strength=EMERGING,
        audience=Audience.PRACTITIONERS,
        on_tier_page=True,
    ),
    _item(
        "Individual behaviour support from outreach",
        "A specialist outreach teacher observes, writes a positive behaviour plan and coaches staff for a term.",
        [S],
        [KS2, KS3, KS4],
        MORE,
        ONE,
        1,
        120,
        1,
        6,
        "Specialist teacher (outreach)",
        sub_needs=["Attention and self-regulation"],
        evidence_strength=MODERATE,
        on_tier_page=True,
    ),
    # Sensory and/or Physical
    _item(
        "Sensory circuits",
        "A short morning circuit of alerting, organising and calming activities to help pupils be ready to learn.",
        [P, S],
        [EY, KS1, KS2],
        HELP,
        GROUP,
        6,
        15,
        5,
        38,
        "Teaching assistant",
        sub_needs=["Sensory processing"],
        resource_cost="220.00",
        training_required="Twilight training from the occupational therapy team.",
        training_cost="80.00",
        evidence_strength=EMERGING,
        for_parents="Your child may start the day with a short circuit of movement activities.",
        at_home="Try bouncing, pushing and stretching before homework.",
        on_tier_page=True,
    ),
    _item(
        "Fine motor skills group",
        "Twice-weekly activities with dough, tweezers and threading to build hand strength for writing.",
        [P],
        [EY, KS1],
        HELP,
        GROUP,
        5,
        20,
        2,
        12,
        "Teaching assistant",
        sub_needs=["Physical disability"],
        resource_cost="65.00",
        evidence_strength=MODERATE,
        for_parents="Your child will do activities that make their hands stronger for writing.",
        at_home="Play with playdough, pegs and building bricks.",
        on_tier_page=True,
    ),
    _item(
        "Hearing-friendly classroom",
        "Seat the pupil near the teacher, cut background noise, face the class and check the radio aid every morning.",
        [P],
        [EY, KS1, KS2, KS3, KS4, P16],
        ADVICE,
        CLASS,
        30,
        5,
        5,
        None,
        "Teaching assistant",
        sub_needs=["Hearing impairment (HI)"],
        evidence_strength=PRACTICE,
        for_parents="Staff will make sure your child can see and hear the teacher clearly.",
        on_tier_page=True,
    ),
    _item(
        "Modified large-print resources",
        "A trained assistant prepares enlarged, high-contrast versions of lesson resources ahead of each week.",
        [P],
        [KS1, KS2, KS3, KS4],
        ADVICE,
        ONE,
        1,
        60,
        2,
        None,
        "Teaching assistant",
        sub_needs=["Vision impairment (VI)"],
        resource_cost="120.00",
        evidence_strength=PRACTICE,
        on_tier_page=True,
    ),
    _item(
        "Qualified teacher of the deaf visits",
        "Regular visits from a qualified teacher of the deaf to check equipment, assess listening and advise staff.",
        [P],
        [EY, KS1, KS2, KS3, KS4],
        MORE,
        ONE,
        1,
        60,
        0.5,
        38,
        "Specialist teacher (outreach)",
        sub_needs=["Hearing impairment (HI)"],
        evidence_strength=STRONG,
        audience=Audience.PRACTITIONERS,
        on_tier_page=True,
    ),
    _item(
        "Physiotherapy programme in school",
        "Daily exercises written by a physiotherapist and carried out by a trained assistant, reviewed each term.",
        [P],
        [EY, KS1, KS2, KS3],
        MORE,
        ONE,
        1,
        20,
        5,
        38,
        "Teaching assistant",
        sub_needs=["Physical disability"],
        training_required="Training and sign-off by the physiotherapist.",
        evidence_strength=MODERATE,
        on_tier_page=True,
    ),
    _item(
        "Independent travel training",
        "Step-by-step training for a young person to travel to college safely on their own.",
        [P, L],
        [KS4, P16],
        MORE,
        ONE,
        1,
        60,
        2,
        10,
        "Learning mentor",
        sub_needs=["Physical disability", "Moderate learning difficulties (MLD)"],
        evidence_strength=PRACTICE,
        for_parents="Your young person will learn the route to college step by step with a mentor.",
        on_tier_page=True,
    ),
]


def load_interventions(toolkit: ToolkitPage, report) -> None:
    roles = _staff_roles(report)
    _cost_bands(report)
    sub_needs = _sub_needs(report)
    areas = {area.value: area for area in NeedArea.objects.all()}
    stages = {stage.value: stage for stage in KeyStage.objects.all()}
    created = []
    for spec in INTERVENTIONS:
        if Intervention.objects.filter(name=spec["name"]).exists():
            continue
        created.append(_create(spec, roles, sub_needs, areas, stages))
    if created:
        report.add(f"demo: {len(created)} interventions")
    _show_on_tier_pages(toolkit, report)


def _staff_roles(report) -> dict[str, StaffRole]:
    roles = {}
    for name, rate in STAFF_ROLES:
        role, made = StaffRole.objects.get_or_create(name=name, defaults={"hourly_rate": Decimal(rate)})
        roles[name] = role
        if made:
            report.add(f"demo staff role: {name} (£{rate}/hour)")
    return roles


def _cost_bands(report) -> None:
    for label, ceiling, description in COST_BANDS:
        _band, made = CostBand.objects.get_or_create(
            label=label,
            defaults={"max_per_pupil": Decimal(ceiling) if ceiling else None, "description": description},
        )
        if made:
            report.add(f"demo cost band: {label}")


def _sub_needs(report) -> dict[str, SubNeed]:
    found = {}
    for name, area in SUB_NEEDS:
        found[name], made = SubNeed.objects.get_or_create(name=name, defaults={"need_area": area})
        if made:
            report.add(f"demo sub-need: {name}")
    return found


def _create(spec: dict, roles, sub_needs, areas, stages) -> Intervention:
    values = {key: value for key, value in spec.items() if key not in ("need_areas", "key_stages", "sub_needs")}
    values.pop("on_tier_page", None)
    values["staff_role"] = roles[values["staff_role"]]
    for money in ("resource_cost", "training_cost"):
        if money in values:
            values[money] = Decimal(values[money])
    values.setdefault("last_reviewed", REVIEWED)
    intervention = Intervention(**values)
    intervention.need_areas.set([areas[value] for value in spec["need_areas"]])
    intervention.key_stages.set([stages[value] for value in spec["key_stages"]])
    intervention.sub_needs.set([sub_needs[name] for name in spec.get("sub_needs", [])])
    intervention.save()
    return intervention


def _show_on_tier_pages(toolkit: ToolkitPage, report) -> None:
    """Put each marked intervention on the tier page for its first area, key stage and tier (once)."""
    tier_pages = {}
    for page in TierPage.objects.descendant_of(toolkit).specific():
        stage = page.get_parent().specific
        area = stage.get_parent().specific
        tier_pages[(area.need_area, stage.key_stage, page.tier)] = page
    by_name = {item.name: item for item in Intervention.objects.filter(name__in=[s["name"] for s in INTERVENTIONS])}
    wanted: dict[int, list[Intervention]] = {}
    for spec in INTERVENTIONS:
        page = tier_pages.get((spec["need_areas"][0], spec["key_stages"][0], spec["tier"]))
        if spec.get("on_tier_page") and page is not None and spec["name"] in by_name:
            wanted.setdefault(page.pk, []).append(by_name[spec["name"]])
    changed = 0
    for page in tier_pages.values():
        shown = {
            block.value["intervention"].pk
            for block in page.body
            if block.block_type == "intervention" and block.value["intervention"]
        }
        missing = [item for item in wanted.get(page.pk, []) if item.pk not in shown]
        if not missing:
            continue
        for item in missing:
            page.body.append(("intervention", {"intervention": item, "local_note": ""}))
        page.save_revision().publish()
        changed += 1
    if changed:
        report.add(f"demo: interventions shown on {changed} tier pages")
