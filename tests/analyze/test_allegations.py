"""Allegation-frame extraction on short texts written for these tests."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from narratrace.analyze.allegation_lexicon import split_sentences
from narratrace.analyze.allegations import AllegationAnalyzer, extract_frames
from narratrace.analyze.base import AnalysisContext, registered
from narratrace.model import Article


def one(text: str):
    frames = extract_frames(text)
    assert len(frames) == 1, [f.sentence.text for f in frames]
    return frames[0]


def texts(spans) -> list[str]:
    return [s.text for s in spans]


def test_preemptive_warning_fills_every_slot():
    text = ("The defence ministry in Moscow warned that Nusra militants together with the Blue Scarves group, "
            "backed by British instructors, are preparing to film staged videos of a chlorine attack in the "
            "village of Kafr Zita to accuse the Syrian army of using toxic gas.")
    f = one(text)
    assert f.accuser is not None and "defence ministry" in f.accuser.text
    assert texts(f.accused) == ["Nusra militants", "the Blue Scarves group"]
    assert texts(f.helpers) == ["British instructors"]
    assert f.event_type == "chemical_attack"
    assert f.time == "future"
    assert "the Syrian army" in texts(f.blame_target)
    assert any("Kafr Zita" in loc for loc in texts(f.locations))


def test_retrospective_claim_is_past_and_outlet_voice_has_no_accuser():
    f = one("The gas attack in the town of Saraqib was staged by the rescuers.")
    assert f.time == "past"
    assert f.accuser is None
    assert texts(f.accused) == ["the rescuers"]
    assert f.event_type == "chemical_attack"


def test_quoted_statement_takes_the_outer_speaker_and_the_evidence():
    text = ("“We have received information that the rebels are planning a provocation with toxic agents,” "
            "General Ivan Petrov said.")
    f = one(text)
    assert f.accuser is not None and f.accuser.text == "General Ivan Petrov"
    assert f.evidence is not None and "received information" in f.evidence.text
    assert f.time == "future"


def test_pronoun_accuser_is_resolved_from_the_sentence_before():
    text = ("The army command alleged that the fighters will stage a gas attack. "
            "“To simulate a ‘chemical attack by the government’, they brought barrels of chlorine,” it said.")
    frames = extract_frames(text)
    assert len(frames) == 2
    assert frames[1].accuser is not None and frames[1].accuser.text == "it"
    assert frames[1].accuser_resolved == "The army command"
    assert texts(frames[1].blame_target) == ["the government"]


@pytest.mark.parametrize("title,accused,event_type,time", [
    ("Rescue volunteers preparing false flag chemical attack in Hama", ["Rescue volunteers"], "chemical_attack",
     "future"),
    ("The poisoning of the blogger was staged by the West", ["the West"], "poisoning", "past"),
    ("The massacre in the suburb was staged", [], "massacre", "past"),
    ("Kyiv is preparing a new provocation near the border", ["Kyiv"], "other", "future"),
])
def test_one_line_claim_titles(title, accused, event_type, time):
    f = one(title)
    assert texts(f.accused) == accused
    assert f.event_type == event_type
    assert f.time == time

def test_probe_53_to_55_slots():
    f = one("The poisoning of the defector and his daughter Alina in Salisbury was a provocation staged by British "
            "services to discredit Russia, the spokeswoman said.")
    assert texts(f.locations) == ["Salisbury"]
    f = one("Terrorists had smuggled sarin from Turkey and were preparing to stage a chemical attack in Idlib to blame "
            "the Syrian army, the envoy said.")
    assert texts(f.locations) == ["Idlib"]
    f = one("According to operational information, Armenian forces are preparing a provocation to fire on settlements "
            "in Goris in order to then accuse the Azerbaijani Army, the Ministry of Defense told AZERTAC.")
    assert f.accuser is not None and f.accuser.text == "the Ministry of Defense"
    assert f.evidence is not None and f.evidence.text == "According to operational information"
    assert f.event_type == "attack_on_civilians" and "Goris" in texts(f.locations)
    f = one("Kyiv is preparing a provocation with a dirty bomb on Ukrainian territory, chief of the Protection Troops "
            "General Igor Kirillov told a briefing on Monday.")
    assert f.accuser is not None and f.accuser.text.endswith("Igor Kirillov")
    assert texts(f.locations) == ["Ukrainian territory"]
    f = one("Put simply, the gas attack in Douma was staged by the jihadists and their friends in the White Helmets.")
    assert "the White Helmets" not in texts(f.locations)
    f = one("Mariupol shelling was Kyiv's provocation to wreck the Minsk talks")
    assert texts(f.locations) == ["Mariupol"]
    assert one("The minister voiced concern over possible provocations by Kyiv with a dirty bomb.").time == "future"
    f = one("The outlet claims local children are being used as crisis actors in the videos.")
    assert texts(f.accused) == []


def test_review_16_true_variants_and_slots():
    f = one("The militants intend to stage the shelling of a clinic in Hama by the Russian air force.")
    assert texts(f.accused) == ["The militants"] and texts(f.blame_target) == ["the Russian air force"]
    f = one("The SBU is preparing a staged attack by Russian forces on a school in Sumy, the ministry said.")
    assert texts(f.accused) == ["The SBU"] and texts(f.blame_target) == ["Russian forces"]
    f = one("Militants will deliver the fake footage from Douma, where they staged the attack, to Western media, the "
            "ministry said.")
    assert texts(f.locations) == ["Douma"]  # the site, though after "from"
    assert one("\"They plan to plant some substance there again and accuse the Syrian authorities of using it,\" the "
               "president said.").accused == ()
    assert extract_frames("The Ukrainian bomb hoax at the Russian embassy was a provocation staged by the FSB to "
                          "blame Kyiv, the SBU said.")  # a staging claim about a bomb hoax is still one
    assert extract_frames("The staged incident would then be used by Minsk as a pretext for escalation.") == []
    assert extract_frames("A staged incident at the Polish border would then be used by Minsk as a pretext.")


def test_probe_59_to_61_phrasings_and_slots():
    f = one("The paper alleges that each time talks begin, Western intelligence stages another \"poisoning\" and blames "
            "it on the Kremlin.")
    assert f.trigger.text.startswith("stages") and texts(f.blame_target) == ["the Kremlin"]
    f = one("According to sources in Idlib, the staged episodes were filmed in the town of Sarmin by militants with "
            "the participation of foreign TV crews, the Russian general said.")
    assert "Sarmin" in texts(f.locations)
    f = one("The ministry sent two letters to the UN on the preparations of terrorist groups to fabricate a chemical "
            "incident in Hama.")
    assert texts(f.accused) == ["terrorist groups"] and f.accuser is not None and f.accuser.text == "The ministry"
    f = one("The ministry warned of plans by the militants to stage a chemical attack in Idlib.")
    assert texts(f.accused) == ["the militants"]
    f = one("Militants have brought chlorine to the village in order to stage a provocation with the participation of "
            "members of the White Helmets, the centre said.")
    assert texts(f.accused) == ["Militants", "members of the White Helmets"]
    f = one("Militants are preparing a staged chemical attack with the participation of British special services, the "
            "ministry said.")
    assert texts(f.helpers) == ["British special services"]

def test_probe_62_to_64_phrasings_and_time():
    f = one("The Belarusian channel ONT claims that photographs of protesters beaten at the Minsk detention centre "
            "were staged by the opposition.")
    assert f.time == "past"
    assert one("White Helmets filming staged chemical attack in Idlib, says Russian military").time == "future"
    assert one("Western journalists came to Kherson to film staged 'war crimes' of the Russian army").time == "future"
    assert one("The militants have completed the filming of staged videos of a chemical attack in Idlib, the Russian "
               "military said.").time == "future"
    assert one("In April 2018 the volunteers were filming a staged chemical attack in Douma, the channel "
               "claimed.").time == "past"
    assert extract_frames("The programme suggests that the airliner had been loaded with dead bodies in Amsterdam "
                          "before take-off to stage the crash over Ukraine.")

def test_probe_63_staged_incursion_by_the_other_side():
    f = one("The defence ministry accused Kyiv of preparing to stage an incursion by Russian troops from Transnistria.")
    assert texts(f.blame_target) == ["Russian troops"]
    assert extract_frames("The Ukrainian army staged an offensive by three brigades near Kharkiv last September.") == []
    assert extract_frames("Azerbaijan used a border skirmish as a pretext to stage an offensive in Karabakh, Armenian "
                          "officials said.") == []


def test_the_us_is_no_pronoun():
    f = one("The US staged the chemical attack in Douma to blame Damascus, the ministry said.")
    assert texts(f.accused) == ["The US"]
    f = one("The MH17 crash was a provocation by the US against Russia, the spokesman said.")
    assert "the US" in texts(f.accused)


def test_probe_67_photographs_of_an_injured_woman_staged():
    assert extract_frames("The embassy claimed that photographs of an injured pregnant woman at a bombed hospital in "
                          "Mariupol were staged.")
    assert extract_frames("Photographs of an injured woman at the hospital in Mariupol were published by AP, the "
                          "Ukrainian ministry said.") == []

def test_a_staged_harm_by_the_stagers_own_side_is_carried_out():
    assert extract_frames("Russian forces staged the shelling of Kharkiv by Russian artillery last spring.") == []
    assert extract_frames("The rebels intend to stage the bombing of a school in Idlib by the Syrian air force.")

def test_the_aim_of_the_provocation_is_to_accuse_is_still_a_frame():
    assert extract_frames("According to the general, the purpose of the provocation is to accuse Russia of using "
                          "weapons of mass destruction.")


def test_possible_provocations_are_future_unless_a_habit():
    assert one("The minister voiced concern over possible provocations by Kyiv with a dirty bomb.").time == "future"
    assert one("Damascus has repeatedly raised concerns about possible provocations with toxic agents in "
               "Idlib.").time == "unspecified"


def test_resorting_to_chemical_provocations_is_a_frame():
    assert extract_frames("Damascus has repeatedly warned that the rebels would resort to chemical provocations "
                          "whenever they faced defeat.")


@pytest.mark.parametrize("text", [
    # probe 53 to 55 look alikes
    "Washington blamed the government for the gas attack on the town.",  # accusation of perpetration
    "The rebels staged a major assault on the army positions overnight.",  # "stage" = carry out
    "The allegation was strongly rejected by the government.",  # bare denial
    "Videos showed them purportedly treating survivors of the alleged attack.",  # bare doubt
    "Officials called the accusations fabricated and baseless.",  # denial: claims, not an event
    "The ministry said the reports about the strike were fake news.",  # denial
    "Residents staged a demonstration in the main square.",
    "The country pursues a policy of provocations against Russia.",
    "Officials rejected the claims, saying there was no evidence that the attack had been staged.",  # denial
    "The ministry denied staging the poisoning of the journalist.",
    "The car bomb was made up of three gas cylinders.",
    "Air force jets have been staging strikes on the militants for a week.",
])
def test_negatives_give_no_frame(text):
    assert extract_frames(text) == []


def test_anaphoric_mention_of_the_same_plot_is_not_a_second_frame():
    text = ("The militants are preparing a provocation with chlorine near the dam. "
            "The planned provocation, the officer said, is meant to justify an offensive.")
    assert len(extract_frames(text)) == 1


def test_glued_sentences_are_split():
    text = "He said.The group staged the attack video.“Quote here,” she said."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "He said.", "The group staged the attack video.", "“Quote here,” she said."]


def test_abbreviations_do_not_split():
    text = "Maj. Gen. Ivan Petrov spoke in the U.S. yesterday. Then he left."
    assert len(split_sentences(text)) == 2


def test_analyzer_registered_and_annotations_carry_the_frame():
    assert "allegations" in registered()
    art = Article(id="a1", text="Militants are preparing to stage a chemical attack in the city of Homs.")
    anns = AllegationAnalyzer().analyze(art, AnalysisContext())
    assert len(anns) == 1
    ann = anns[0]
    assert ann.kind == "allegation_frame" and ann.analyzer == "allegations"
    assert art.text[ann.start:ann.end] == ann.attrs["sentence"]["text"]
    assert ann.attrs["time"] == "future"


_PIECES = [
    "The rescuers are preparing to stage a chemical attack in Idlib.",
    "Moscow said the shelling of the camp was faked.",
    "Nothing happened today.",
    "“A provocation with chlorine is being prepared,” the centre said.",
    "The rebels staged an assault.",
    "  \n", "Rain fell.",
]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=6))
def test_every_span_slices_the_text(pieces):
    text = " ".join(pieces)
    for f in extract_frames(text):
        d = f.to_dict()
        for key, value in d.items():
            values = value if isinstance(value, list) else [value]
            for v in values:
                if isinstance(v, dict):
                    assert text[v["start"]:v["end"]] == v["text"], key


@pytest.mark.parametrize("text,accuser,accused,event_type,time", [
    ("Moscow claimed the images of dead bodies in the streets of Irpin were staged by Ukrainian forces.",
     "Moscow", ["Ukrainian forces"], "massacre", "past"),
    ("The poisoning of the opposition leader was a staged provocation by Western intelligence, the spokeswoman said.",
     "the spokeswoman", ["Western intelligence"], "poisoning", "past"),
    ("The defence minister warned that foreign contractors are preparing a chemical provocation near Avdiivka.",
     "The defence minister", ["foreign contractors"], "chemical_attack", "future"),
])
def test_staging_allegations_outside_syria(text, accuser, accused, event_type, time):
    f = one(text)
    assert f.accuser is not None and f.accuser.text == accuser
    assert texts(f.accused) == accused
    assert (f.event_type, f.time) == (event_type, time)


def test_a_sponsor_who_orders_the_staging_is_a_helper():
    f = one("The volunteers were ordered by the foreign ministry to fake a gas attack.")
    assert texts(f.accused) == ["The volunteers"]
    assert texts(f.helpers) == ["the foreign ministry"]


def test_title_case_headline_gives_no_made_up_places():
    frames = extract_frames("False Flag Attack Planned To Blame The Army, Officials Say")
    assert all(not f.locations for f in frames)


def test_a_frame_inside_a_multi_sentence_quote_takes_the_quote_speaker():
    text = ("“We are watching the area closely. The militants are preparing to stage a gas attack in the valley. "
            "We will publish the evidence,” the general said.")
    frames = extract_frames(text)
    assert len(frames) == 1
    assert frames[0].accuser is not None and frames[0].accuser.text == "the general"


@pytest.mark.parametrize("title,accused,event_type,time", [
    ("The blast at the stadium was orchestrated by the secret police", ["the secret police"], "other", "past"),
    ("The separatists were staging a terrorist attack before the summit", ["The separatists"], "attack_on_civilians", "past"),
    ("The border guards staged the sexual attacks in the port", ["The border guards"], "other", "past"),
])
def test_orchestrated_by_and_staged_terror_attacks_are_frames(title, accused, event_type, time):
    f = one(title)
    assert texts(f.accused) == accused
    assert (f.event_type, f.time) == (event_type, time)


@pytest.mark.parametrize("text", [
    "Protests in the capital were orchestrated by foreign embassies.",  # politics, not a staged event
    "The team staged a comeback in the second half.",
    "The exercise simulated a chemical attack on the port.",  # a drill
    "The trial over the murder of the journalist is staged.",  # the trial, not the murder
    "The jet committed a deliberate provocation when it approached the border.",  # a provocative act
    "They are trying to find a pretext for the loss.",
    "The deployment gives a pretext for military provocations against the neighbours.",
    "The rescuers are linked to militants and fake chemical attacks evidence.",  # faked evidence
    "New documents prove that the official version of the poisoning case was made up.",  # a claim
    "The agency trains bloggers to create fakes about its rival.",  # fake news
    "Sadly the singer is the victim of a death hoax again.",  # a false report, not a staged death
    "The army denied planning a raid and blamed the rebels' policy of provocations.",
    "Arrests followed on Monday. Police said they stopped an agent who wanted to stage a terrorist attack.",
    "Last year the forum conducted a simulation of cyber attacks on the power grid.",
    "The spokesman rejected the report as 'fake news' and another fake story.",
    "The border was closed to stop a “hybrid attack” orchestrated by the neighbour.",
    "Governments condemned the annexation as illegal, calling the referendum a sham.",
    "The appointments of the two bishops were orchestrated by the cardinal.",
    "Senators who have already made-up their minds asked no questions.",
])
def test_more_negatives_give_no_frame(text):
    assert extract_frames(text) == []


def test_first_person_voice_is_the_outlet_and_next_week_is_future():
    f = one("The lobby will not let him win, and we can expect a staged terrorist attack next week.")
    assert f.accuser is None
    assert f.time == "future"


def test_backers_coordinated_with_the_accused_are_helpers():
    f = one("The gas attack in the valley was a provocation by the militants and their sponsors.")
    assert texts(f.accused) == ["the militants"]
    assert texts(f.helpers) == ["their sponsors"]


def test_the_thing_that_proves_the_staging_is_the_evidence():
    f = one("Leaked photos of the ward prove that the gas attack was staged.")
    assert f.evidence is not None and f.evidence.text == "Leaked photos of the ward"


def test_a_place_naming_the_event_is_a_location_even_if_it_is_a_capital():
    f = one("The Paris bombings were a false flag operation.")
    assert texts(f.locations) == ["Paris"]


def test_carrying_out_an_attack_to_provoke_a_reaction_is_a_frame():
    f = one("The ministry accused the insurgents of launching the gas attack to provoke foreign strikes.")
    assert f.accuser is not None and f.accuser.text == "The ministry"
    assert texts(f.accused) == ["the insurgents"]
    assert f.event_type == "chemical_attack"


def test_passive_reporting_verb_gives_its_agent_as_accuser():
    f = one("The rescue group was exposed by the broadcaster for staging videos.")
    assert f.accuser is not None and f.accuser.text == "the broadcaster"


def test_claim_separators_and_day_month_dates_split_correctly():
    text = "The army shells towns. // The May 3 attack was a false flag. // Blasts (31. 12. and 5. 1.) were staged."
    pieces = [text[s:e] for s, e in split_sentences(text)]
    assert pieces == ["The army shells towns.", "The May 3 attack was a false flag.",
                      "Blasts (31. 12. and 5. 1.) were staged."]


@pytest.mark.parametrize("text", [
    "When the spies are caught lying, they accuse Moscow of being the author of the fake.",
    "The leak was real data with some fakes slipped in.",
    "A press officer confirmed the photo was fake in a note to the newspaper.",
    "The panic ended once the report was shown to be a hoax.",
    "In my view, this was made up, the senator told reporters.",
    "The navy even simulated an attack on a small island last year.",
    "The senator accused her rival's campaign of fabricated attacks and lies.",
    "I don't back the nominee, but that attack on her was orchestrated, it was political.",
    "She insists her rival is mounting a phony attack.",
    "Kyiv will put on a show of unity at the summit.",
    "The festival opened with a theatrical production of Hamlet.",
    "If you think the moon landing was fake, there are forums for you, the researcher said.",
])
def test_forged_papers_doctored_pictures_drills_and_verbal_attacks_are_no_frames(text):
    assert extract_frames(text) == []


def test_pictures_called_fake_are_frames_when_the_event_is_named():
    f = one("The footage of the dead children at the school was fake.")
    assert f.time == "past"
    assert one("A leak proves the footage of the Mars landing was staged.").evidence is not None
    assert one("The army simulated an attack on the village to blame the rebels.").blame_target


def test_an_attack_called_a_theatrical_production_is_staged():
    f = one("Duma member Ivan Petrov, whose claim to fame was a long career, described the missile "
            "strike as a “theatrical show”.")
    assert f.accuser is not None and f.accuser.text.endswith("Ivan Petrov")
    assert f.accused == ()  # the relative clause is no actor
    assert f.time == "past"


def test_a_denied_massacre_and_partners_of_the_stager():
    f = one("His blog shared a post claiming that the genocide was faked.")
    assert f.event_type == "massacre" and f.time == "past"
    f = one("The agency, in partnership with the army and the cartel, orchestrated the bombing by framing "
            "a dock worker.")
    assert texts(f.accused) == ["The agency"]
    assert texts(f.helpers) == ["the army", "the cartel"]
    assert texts(f.blame_target) == ["a dock worker"]


def test_title_case_purpose_names_the_blame_target():
    f = one("Fake Gas Attack Planned in Idlib to Cynically Blame Damascus")
    assert texts(f.blame_target) == ["Damascus"]


def test_the_one_who_readies_another_for_a_provocation_is_a_helper():
    f = one("Washington is preparing Georgia for a new provocation against Moscow.")
    assert texts(f.accused) == ["Georgia"]
    assert texts(f.helpers) == ["Washington"]
    assert texts(f.blame_target) == ["Moscow"]


def test_incidents_called_provocations_are_events_and_anti_x_is_the_blame_target():
    f = one("Skripal and MH17 are anti-Russian provocations, the anchor said.")
    assert f.accused == ()
    assert texts(f.blame_target) == ["Russian"]


@pytest.mark.parametrize("text,accused", [
    ("Kerch incident: an act of provocation personally staged by Poroshenko", ["Poroshenko"]),
    ("The cyber attack in Estonia was orchestrated from the United States.", ["the United States"]),
    ("The new provocation, planned by the SBU, failed.", ["the SBU"]),
])
def test_the_agent_of_a_staging_participle_or_the_country_it_came_from_is_accused(text, accused):
    f = one(text)
    assert texts(f.accused) == accused
    assert not set(texts(f.accused)) & set(texts(f.locations))


def test_faking_is_a_candidate_and_exposed_for_staging_is_past():
    f = one("The ministry accused the rebels of faking the attack in Hama.")
    assert texts(f.accused) == ["the rebels"]
    assert one("The rescuers were exposed by a TV channel for staging videos.").time == "past"
    assert one("Photos of victims posted by the rescuers are fake.").time == "past"


def test_a_month_is_never_a_location():
    f = one("The September 19 attack on a UN convoy in Aleppo was a hoax.")
    assert texts(f.locations) == ["Aleppo"]


@pytest.mark.parametrize("text", [
    # "to orchestrate deaths" read as an adjective: carrying out, not staging
    "The envoy helped the border police to orchestrate deaths of striking miners in Varna in 2011.",
    # nobody makes the allegation
    "Yet nobody in the newspapers has claimed that the senator's murder could have been staged.",
    "But no one on the panel has suggested that the bank robbery was orchestrated.",
    # hoaxes listed with rumours and theories are claims about an event
    "The team checked several hoaxes, rumours and conspiracy theories linked to a shooting in Ohio.",
    # what "all" stands for is a scientific finding, not an event
    "A blog says that almost all of global warming has been fabricated by government researchers.",
    # a photo opportunity is publicity
    "The mayor staged a photo op with two firefighters a day after the vote.",
])
def test_fold8_negatives_give_no_frame(text):
    assert extract_frames(text) == []


def test_the_carry_out_and_nobody_filters_keep_real_frames():
    f = one("The insurgents plan to orchestrate killings of villagers to blame the army.")
    assert texts(f.accused) == ["The insurgents"] and texts(f.blame_target) == ["the army"]
    f = one("Everyone in the village has said that the shelling of the school was staged.")
    assert f.time == "past"


@pytest.mark.parametrize("text,accused,time", [
    ("The northern cartel and its local proxies set up the train crash", ["The northern cartel", "its local proxies"],
     "past"),
    ("Border guards set up violence at the quiet farmers' march", ["Border guards"], "past"),
    ("The bombing of the stadium was a set-up", [], "past"),
    ("Masked provocateurs were behind the burning of the parliament", ["Masked provocateurs"], "past"),
    ("The governor plans an explosion at the dam to get a pretext for martial law", ["The governor"], "future"),
    ("The eastern alliance has made up the Lindenfeld massacre.", ["The eastern alliance"], "past"),
])
def test_set_up_provocateurs_pretext_plans_and_made_up_events_are_frames(text, accused, time):
    f = one(text)
    assert texts(f.accused) == accused
    assert f.time == time


def test_inside_jobs_and_crisis_actors_are_frames_but_not_a_robbery_or_an_open_question():
    assert one("Millions of voters still believe the harbour bombing was an inside job.").time == "past"
    assert one("The nurse in the footage of the mall shooting is a crisis actor.").trigger.text.endswith("actor")
    assert extract_frames("Police said the jewellery robbery was an inside job.") == []
    assert extract_frames("Analysts wondered whether the blackout was bad luck or an inside job.") == []


@pytest.mark.parametrize("text,event_type,trigger", [
    ("The market bombing: a fake", "attack_on_civilians", "fake"),
    ("Lake Ivor poisoning: a Western set-up", "poisoning", "a Western set-up"),
])
def test_a_headline_calling_the_event_before_its_colon_staged_is_a_frame(text, event_type, trigger):
    f = one(text)
    assert f.event_type == event_type and f.trigger.text == trigger


@pytest.mark.parametrize("text", [
    "Ostrava festival: a fake Rolex stall and a set-up for the bands",  # no event before the colon
    "Budget vote: a set-up, says the opposition leader",
    "Harbour poisoning: a fake news story spreads",
])
def test_a_headline_colon_before_no_event_gives_no_frame(text):
    assert extract_frames(text) == []


@pytest.mark.parametrize("text", [
    "The council set up a telephone hotline for flood victims.",
    "The agency was set up against the neighbours.",
    "The forum is a set-up enabling the banks to control the grid.",
    "Rebels set up an operation to rescue the hostages.",
    "Leaving the customs union is an attempt to set up an economic catastrophe.",
])
def test_set_up_in_the_ordinary_sense_gives_no_frame(text):
    assert extract_frames(text) == []


def test_proof_nouns_give_the_evidence_and_admitting_a_clause_gives_the_accuser():
    f = one("A leaked memo from the port authority is proof that the ferry explosion was faked.")
    assert f.evidence is not None and f.evidence.text == "A leaked memo from the port authority"
    assert texts(f.accused) == []
    f = one("Fresh evidence that the gas attack in Marrat was a fake")
    assert f.evidence is not None and f.evidence.text == "Fresh evidence"
    f = one("The pilot Ivan Brook admitted the airport bombing was staged in a studio.")
    assert f.accuser is not None and "Ivan Brook" in f.accuser.text and f.time == "past"
    f = one("Rescue volunteers admit staging chemical attacks")
    assert f.accuser is None and texts(f.accused) == ["Rescue volunteers"]


def test_tear_gas_is_no_chemical_attack_and_crisis_actors_are_past():
    f = one("The video of farmers fleeing a tear gas attack at the depot was staged.")
    assert f.event_type != "chemical_attack"
    assert one("The waiter who was wounded in the cinema shooting is a crisis actor.").time == "past"


def test_the_one_given_an_order_to_stage_is_accused_and_the_givers_are_helpers():
    f = one("The bankers and the envoy called the militia commander to Vienna to give him an order to organize "
            "provocations at the dam.")
    assert texts(f.accused) == ["the militia commander"]
    assert texts(f.helpers) == ["The bankers", "the envoy"]
    assert f.time == "future"
    f = one("The ministry gave the rebels an order to stage a chemical attack in Hama.")
    assert texts(f.accused) == ["the rebels"] and texts(f.helpers) == ["The ministry"]


def test_event_type_falls_back_to_the_sentences_before_only_for_an_event_that_points_back():
    before = "Last week a rocket hit a residential block in Tarnow, killing nine civilians. "
    general = one(before + "A blogger has claimed that the agency has carried out false flags within Poland.")
    assert general.event_type == "other"
    gas = "Residents of Kafr Dael reported a chlorine cloud on Sunday. "
    assert one(gas + "The whole event was staged by the volunteers.").event_type == "chemical_attack"
    assert one(gas + "Moscow said it looked like a rebel provocation.").event_type == "chemical_attack"


def test_a_country_coordinated_with_a_place_after_a_preposition_is_a_location():
    f = one("A blogger has claimed that the agency has carried out false flags within Poland and Russia.")
    assert texts(f.locations) == ["Poland", "Russia"]
    f = one("Russia and the US are preparing a staged chemical attack in Idlib.")
    assert "Russia" not in texts(f.locations)


def test_not_by_x_but_by_provocateurs_and_the_agent_of_an_event_called_a_provocation():
    f = one("The footage shows that the stones were not thrown by the strikers but by agent provocateurs "
            "dressed as medics.")
    assert texts(f.accused) == ["agent provocateurs"]
    assert extract_frames("The stones were not thrown by provocateurs.") == []
    f = one("The landing by Dutch marines is a shameless provocation")
    assert texts(f.accused) == ["Dutch marines"]


def test_a_place_after_a_place_and_a_comma_is_no_accused():
    f = one("The shooting at the fair in Lyon, France was a hoax.")
    assert texts(f.accused) == [] and texts(f.locations) == ["Lyon", "France"]
    f = one("The gas attack in Homs was a false flag orchestrated by Qatar, Israel and their agents.")
    assert "Israel" in texts(f.accused)


def test_an_incident_acknowledged_as_a_provocation_is_past():
    f = one("Norway acknowledges the Narvik harbour incident as a Finnish provocation")
    assert f.time == "past"


def test_pictures_of_a_happened_event_and_a_dated_incident_are_past_but_habitual_fakes_are_not():
    assert one("Photographs and video footage of the victims of the gas attack in Hama are fake.").time == "past"
    assert one("In attempts to cover up the March 3 provocation, Latvia has changed its laws").time == "past"
    assert one("The rescuers produce fake videos about their own work in Syria.").time == "unspecified"


def test_named_squares_hills_and_halls_after_a_preposition_are_locations():
    f = one("The shooting on Tower Hill was a provocation against the governor.")
    assert "Tower Hill" in texts(f.locations)
    f = one("The rescuers staged a fake gas attack in the Lindon Town Hall.")
    assert any("Lindon Town Hall" in loc for loc in texts(f.locations))
    assert one("Philip Green said the bombing was staged.").locations == ()


def test_a_spaced_dash_before_an_owner_and_a_title_list_of_stagers():
    f = one("Detention of a Danish trawler in Norway – Stoltenberg’s provocation")
    assert texts(f.accused) == ["Stoltenberg"]
    f = one("White Helmets, militants preparing false-flag chemical attack in Hama")
    assert texts(f.accused) == ["White Helmets", "militants"]
    assert texts(one("A Daesh-orchestrated car bombing was staged in Homs to blame the army").accused) != ["Daesh"]


def test_terrorist_in_a_faked_terrorist_attack_is_its_kind_not_its_stager():
    f = one("The singer Ana Roth 'played' a victim in a fake terrorist bomb attack at Tower Green in Leeds.")
    assert "terrorist" not in texts(f.accused)


def test_presidential_is_not_residential_and_a_school_shooting_is_a_massacre():
    assert one("The arson attack on the party office was staged to hurt the presidential campaign.").event_type == "other"
    assert one("The school shooting in the town of Lenk was a false flag.").event_type == "massacre"
    assert one("The shelling of a school in Marib was a staged provocation.").event_type == "attack_on_civilians"


@pytest.mark.parametrize("text", [
    "The president sent a letter to the comedians for mocking him on their show.",
    "Gangs are planning a killing spree in imitation of the film.",
    "A screenshot of a news story showing the chancellor with blurred hair is a hoax.",
])
def test_ridicule_copying_and_doctored_screenshots_give_no_frame(text):
    assert extract_frames(text) == []


def test_plural_weak_events_need_a_strong_context_like_the_singular():
    assert extract_frames("The alliance is fabricating spy affairs to spoil relations with Minsk") == []
    assert len(extract_frames("The agency staged the affair to blame Moscow.")) == 1


def test_harm_done_so_that_others_are_blamed_is_a_frame_without_a_staging_word():
    f = one("The border guards planned to shoot the courier and blame it on the rebels.")
    assert texts(f.accused) == ["The border guards"]
    assert texts(f.blame_target) == ["the rebels"]
    assert f.time == "future"
    f = one("The ransomware attack on the hospitals was sponsored by the Zelder spy agency in order to blame Ostland.")
    assert texts(f.accused) == ["the Zelder spy agency"] and texts(f.blame_target) == ["Ostland"]
    f = one("The ministry might murder a few of its own soldiers to provoke a conflict with Varnia.")
    assert texts(f.accused) == ["The ministry"] and f.time == "future"


@pytest.mark.parametrize("text", [
    "The Skripal poisoning was used to blame Russia for everything.",
    "The cartel leader is to blame for the killings in the port.",
    "The pirates did not kill the sailors to blame the navy.",
    "The enemies of Ostland invented the Velan dialect in order to blame the capital.",
    "The police arrested two activists to blame the opposition.",
    "The officers are killing their own people.",
    "Actors in the film were paid well.",
])
def test_blame_without_staged_harm_gives_no_frame(text):
    assert extract_frames(text) == []


def test_victims_called_actors_and_an_attack_performed_are_frames():
    f = one("The Lorch bombing was carried out by the Zelder service and the army, the alleged victims of the "
            "bombing were actors.")
    assert texts(f.accused) == ["the Zelder service", "the army"]
    f = one("The dead of the Lorch explosion were actors, the blogger says.")
    assert f.accused == () and f.accuser is not None and f.accuser.text == "the blogger"
    f = one("Mercenaries arrived in Tarvik to perform a chemical attack.")
    assert f.event_type == "chemical_attack" and texts(f.accused) == ["Mercenaries"] and f.time == "future"


def test_false_chemical_attack_invented_attack_and_a_titles_closing_source():
    f = one("The Zorn militants plan to carry out a false chemical attack in Holm and blame the government.")
    assert texts(f.accused) == ["The Zorn militants"] and texts(f.blame_target) == ["the government"]
    f = one('The agency is preparing the next invented "gas attack by the army".')
    assert texts(f.blame_target) == ["the army"] and "the army" not in texts(f.accused)
    f = one("Rebel units plot a chemical attack in Holm to trigger strikes on the army – Defence Ministry")
    assert f.accuser is not None and f.accuser.text == "Defence Ministry"
    f = one("FSA units plot chemical attack to justify strikes on the army.")
    assert texts(f.accused) == ["FSA units"]
    assert one("Detention of a fishing boat in Varnia – Stoltenberg's provocation").accuser is None


def test_an_invented_story_or_case_is_a_claim_but_an_invented_attack_is_staged():
    # a story about a harm called invented or fabricated says the harm was faked; a story about anything else does not
    f = one("The ministers sidelined Velia's invented story about the poisoning of the mayor.")
    assert f.event_type == "poisoning" and texts(f.accused) == ["Velia"] and f.event.text.startswith("the poisoning")
    assert one("The tale of the Ostrava massacre was fabricated by Kelm.").event_type == "massacre"
    assert extract_frames("The senator told a fabricated story about a war hero.") == []
    assert extract_frames("Her story about the meeting was invented.") == []
    assert extract_frames("Photos of the suspects in the Skripal poisoning case are fabricated.") == []
    assert extract_frames("Citizens live in a false reality made of orchestrated events.") == []
    assert extract_frames("The Tarvik case was invented to cover up a scandal.") == []
    assert one("The rebels invented the shelling of the market to blame the army.").blame_target


def test_the_stager_of_an_invented_attack_by_someone_else_and_strikes_on_the_blamed():
    f = one('The agency is preparing the next invented "gas attack by the army".')
    assert texts(f.accused) == ["The agency"] and texts(f.blame_target) == ["the army"]
    f = one("The rebels plan a chemical attack in Holm to trigger strikes on the army.")
    assert texts(f.blame_target) == ["the army"]


def test_strikes_on_a_place_name_no_one_to_blame():
    f = one("The attack was a fabrication to provide a pretext for strikes on a military airfield.")
    assert f.blame_target == ()


def test_a_pronoun_stager_stands_for_the_actor_subject_before_it():
    f = one("Since the army is stationed nearby, it might be that it is poisoning the wells in order to blame the rebels.")
    assert texts(f.accused) == ["the army"] and texts(f.blame_target) == ["the rebels"]
    assert one("When the evidence is examined, it is clear the attack was staged.").accused == ()


@pytest.mark.parametrize("text", [
    "The senators attacked the bill to frame the debate before the vote.",
    "The candidate attacked Governor Lenz to blame him for the deficit.",
])
def test_framing_a_debate_or_attacking_a_person_in_words_is_no_staged_harm(text):
    assert extract_frames(text) == []


def test_an_attack_on_a_convoy_to_blame_others_is_a_frame():
    f = one("The gunmen attacked the convoy to blame the rebels.")
    assert texts(f.accused) == ["The gunmen"] and texts(f.blame_target) == ["the rebels"]


# ---------------------------------------------------------------- fold-10 phrasings (sentences written here)

def test_an_event_planned_so_that_someone_else_is_subsequently_blamed_is_a_frame():
    f = one("The agency is planning a bombing in the capital in order to subsequently blame the opposition.")
    assert texts(f.accused) == ["The agency"] and texts(f.blame_target) == ["the opposition"]
    assert f.time == "future"
    assert extract_frames("The ministry plans to blame the opposition for the shortages.") == []


def test_an_incident_created_on_purpose_is_staged_but_a_crash_caused_is_not():
    f = one("The governor intentionally created the border incident to delay the vote.")
    assert texts(f.accused) == ["The governor"] and f.time == "past"
    assert extract_frames("The pilot deliberately caused the crash, investigators said.") == []
    assert extract_frames("The city created a new incident reporting hotline.") == []


def test_an_event_called_a_covert_operation_to_discredit_someone():
    f = one("The crash was a covert operation carried out by the secret police in order to discredit the rebels.")
    assert texts(f.blame_target) == ["the rebels"]
    assert extract_frames("The crash was a tragedy that the opposition used to discredit the government.") == []


def test_harm_done_for_staged_footage_is_a_frame_but_a_scene_shot_for_a_film_is_not():
    f = one("The militants are ready to kill hostages for a convincing video.")
    assert texts(f.accused) == ["The militants"] and f.time == "future"
    assert extract_frames("The scene was shot for a film about the war.") == []


def test_firing_at_ones_own_positions_to_pin_it_on_others():
    f = one("The battalion fired at its own positions in order to pin it on the rebels.")
    assert texts(f.accused) == ["The battalion"] and texts(f.blame_target) == ["the rebels"]


def test_suspects_said_to_be_actors_but_not_political_actors():
    f = one("The bombing suspects are paid Hollywood actors.")
    assert f.accused == ()
    assert extract_frames("The suspects were foreign actors, the report said.") == []


def test_a_quoted_set_up_after_the_event_it_stands_for():
    f = one("The witness says the gunman could not have carried out the shooting and that it was actually a “set-up”.")
    assert f.time == "past"
    assert len(extract_frames("She made the claim that the whole shooting was a “set up” by the police.")) == 1
    assert extract_frames("It was a set-up, she laughed about the surprise party.") == []


def test_a_crowd_staged_for_the_camera_and_what_it_condemns_is_no_blame_target():
    f = one("The broadcaster staged the group of residents condemning the bombing.")
    assert texts(f.accused) == ["The broadcaster"] and f.blame_target == ()
    assert extract_frames("The union staged a protest outside the plant.") == []


def test_staging_provocations_against_a_country_blames_it():
    f = one("The regime is staging provocations against Poland.")
    assert texts(f.blame_target) == ["Poland"]


def test_staging_a_killing_for_the_cameras_is_faking_it_not_carrying_it_out():
    f = one("The militia staged the killing of villagers in Dornik for the foreign media.")
    assert texts(f.accused) == ["The militia"]
    assert extract_frames("The militia staged the killing of villagers in Dornik last spring.") == []


def test_harm_passed_off_as_someone_elses_crime():
    f = one("The guards shot the prisoners and presented it as a rebel atrocity.")
    assert texts(f.accused) == ["The guards"]
    assert extract_frames("The army bombed the depot and presented it as an attack on terrorists.") == []


def test_the_one_said_not_to_have_done_it_is_framed_by_the_set_up_not_its_stager():
    f = one("The witness says the gunman could not have carried out the shooting and that it was actually a “set-up”.")
    assert f.accused == () and texts(f.blame_target) == ["the gunman"]


# Paraphrase-probe round: phrasings written for these tests, each with a near miss.
def test_an_event_called_a_hoax_even_when_tagged_an_adjective():
    f = one("The Dornik gas attack was a hoax, a ministry spokesman says.")
    assert f.event_type == "chemical_attack" and f.time == "past"
    assert f.accuser is not None and "spokesman" in f.accuser.text
    f = one("The Dornik massacre was a hoax arranged by the border guards.")
    assert f.event_type == "massacre"
    assert extract_frames("The hoax bomb threat closed the school.") == []
    assert extract_frames("The election was a sham, the opposition said.") == []


def test_a_scripted_incident_is_staged():
    f = one("According to the ministry, the rebels have scripted a chemical incident in Dornik.")
    assert texts(f.accused) == ["the rebels"] and f.event_type == "chemical_attack"
    assert extract_frames("The network scripted a new comedy show about the war.") == []


def test_people_of_the_event_said_to_be_hired_players():
    f = one("The nurse in the hospital photos is a hired actress, the embassy claims.")  # like "X is a crisis actor"
    assert texts(f.accused) == ["The nurse in the hospital photos"] and f.accuser.text == "the embassy"
    f = one("The footage shows actors pretending to be wounded civilians in Dornik.")
    assert f.event_type == "attack_on_civilians"
    assert extract_frames("The studio hired actors for the new film about the siege.") == []
    assert extract_frames("The actors played the victims in the new film about the siege.") == []


def test_harm_with_an_aim_of_accusing_or_so_that_another_is_blamed():
    f = one("The guards blew up the bridge with the aim of accusing the rebels.")
    assert texts(f.accused) == ["The guards"] and texts(f.blame_target) == ["the rebels"]
    f = one("The militia killed villagers in Dornik so that the army would be blamed.")
    assert texts(f.accused) == ["The militia"] and texts(f.blame_target) == ["the army"]
    f = one("The battalion fired on the relief convoy in order to blame the rebels.")
    assert texts(f.accused) == ["The battalion"] and texts(f.blame_target) == ["the rebels"]
    assert extract_frames("The army fired on the convoy, and the rebels were blamed by the press.") == []
    assert extract_frames("The battalion fired on the rebels with the aim of retaking the bridge.") == []
    assert extract_frames("The committee met with the aim of accusing nobody.") == []


def test_a_staged_play_about_a_massacre_and_a_film_that_simulates_an_attack_are_no_frames():
    assert extract_frames("The theatre staged a play about the massacre.") == []
    assert extract_frames("The film simulates a chemical attack for training purposes.") == []
    assert len(extract_frames("The rescuers staged the massacre for the foreign cameras.")) == 1


def test_harm_blamed_on_others_with_new_verbs_and_a_gerund():
    f = one("The militia mined the dam to blame the border guards.")
    assert texts(f.accused) == ["The militia"] and texts(f.blame_target) == ["the border guards"]
    f = one("The agency engineered the poisoning of the defector to discredit the republic.")
    assert texts(f.blame_target) == ["the republic"] and f.event_type == "poisoning"
    f = one("The guards are shelling villages in Dornik and blaming it on the rebels.")
    assert texts(f.blame_target) == ["the rebels"]
    assert extract_frames("Is it possible someone planted this story to discredit the journalists?") == []
    assert extract_frames("The workers were mining coal to blame nobody.") == []
    assert extract_frames("Accusations about Dornish-sponsored hacker attacks aim to discredit the republic.") == []
    assert extract_frames("The senator attacked the report to discredit the minister.") == []
    assert extract_frames("The agency orchestrated a campaign to discredit the minister.") == []


def test_harm_in_the_other_sides_guise_is_staged_but_a_disguise_for_access_is_not():
    f = one("Guards disguised as Dornik soldiers killed villagers to discredit the republic.")
    assert texts(f.accused) == ["Guards"] and texts(f.blame_target) == ["the republic"]
    assert len(extract_frames("Mercenaries dressed in Dornik uniforms to stage attacks on villagers.")) == 1
    assert extract_frames("Gunmen dressed in police uniforms killed ten people at the checkpoint.") == []


def test_bodies_said_to_be_planted_or_placed_after_the_troops_left():
    f = one("The bodies in Dornik were planted by the border guards.")
    assert texts(f.accused) == ["the border guards"] and f.event_type == "massacre"
    assert len(extract_frames("The bodies were placed in the streets after the troops left.")) == 1
    assert extract_frames("The bodies were brought to the morgue after the shelling.") == []
    assert extract_frames("The bodies were placed in a mass grave after the soldiers left the village.") == []
    f = one("The bodies in Dornik were placed there after the troops left.")
    assert f.accused == ()  # the bodies are not the stagers


def test_staging_harm_to_ones_own_village_is_faking_it():
    f = one("The special forces staged the bombing of their own village.")
    assert texts(f.accused) == ["The special forces"]
    assert extract_frames("The special forces staged a raid on the rebel village.") == []


def test_an_event_played_out_for_the_cameras_and_a_staged_rescue_operation():
    f = one("The chemical incident in Dornik was played out for the cameras.")
    assert f.trigger.text == "played" and f.event_type == "chemical_attack"
    assert len(extract_frames("The rescuers are filming a staged rescue operation in Dornik.")) == 1
    assert extract_frames("The symphony was performed for the television cameras.") == []
    assert extract_frames("The army staged an operation in the north.") == []


def test_gassing_or_hitting_ones_own_children_or_homes_with_a_purpose():
    f = one("The rebels gassed their own children in Dornik to draw foreign intervention.")
    assert texts(f.accused) == ["The rebels"] and f.event_type == "chemical_attack"
    f = one("The guards deliberately hit their own residential areas to accuse the republic.")
    assert texts(f.blame_target) == ["the republic"]
    assert extract_frames("The storm hit their own homes and the neighbours' homes alike.") == []


def test_harm_to_ones_own_post_blamed_on_others_and_an_operation_with_an_owner():
    f = one("The battalion shelled its own checkpoint to provoke a response from the rebels.")
    assert texts(f.accused) == ["The battalion"]
    f = one("The saboteurs killed their own soldiers and blamed it on the rebels.")
    assert texts(f.accused) == ["The saboteurs"] and texts(f.blame_target) == ["the rebels"]
    f = one("The poisoning was a foreign intelligence operation designed to discredit the republic.")
    assert texts(f.blame_target) == ["the republic"] and f.event_type == "poisoning"
    assert extract_frames("The police arrested the suspects and blamed them for the riot.") == []
    assert extract_frames("The rescue was a foreign intelligence operation that freed the hostages.") == []


def test_footage_of_an_event_filmed_in_advance_and_a_plan_to_shell_and_blame():
    f = one("The ministry claimed that the footage, which shows wounded villagers, had been filmed in advance by the rescuers.")
    assert texts(f.accused) == ["the rescuers"] and f.accuser.text == "The ministry"
    assert extract_frames("The video was filmed in advance of the summit to promote the city.") == []
    assert extract_frames("The photos were taken in advance, the organisers said.") == []
    f = one("The centre warned that radicals were planning to shell residential areas and then blame the army.")
    assert texts(f.accused) == ["radicals"] and texts(f.blame_target) == ["the army"] and f.time == "future"
    assert extract_frames("An artillery shell landed near the school, and residents blame the army.") == []


# Probe round 6: phrasings written for these tests (each with a near miss).
def test_an_attack_said_to_be_plotted_by_a_state_with_a_pretext_but_not_by_a_terrorist_group():
    f = one("The Kelso railway attack was plotted by the British secret service to justify the new laws.")
    assert texts(f.accused) == ["the British secret service"] and f.time == "past"
    assert extract_frames("The Kelso railway attack was plotted from London.") == []
    assert extract_frames("The Kelso railway attack was plotted by the British secret service.") == []
    assert extract_frames("The Kelso railway attack was plotted by an Islamic State cell in the desert.") == []
    assert extract_frames("The plot to attack the Kelso railway was foiled by police.") == []


def test_footage_of_an_event_filmed_in_a_studio_and_victims_who_are_paid_extras():
    f = one("Footage of the Dornik strike was filmed in a studio, the embassy says.")
    assert f.accuser is not None and f.accuser.text == "the embassy"
    assert len(extract_frames("The channel claimed that the wounded in the Dornik footage were paid extras.")) == 1
    assert extract_frames("The documentary about the strike was filmed in a studio in Leeds.") == []
    assert extract_frames("The extras were paid well for the new film about the siege.") == []


def test_harm_in_the_other_sides_uniform_and_harm_done_by_the_sufferers_themselves():
    f = one("Saboteurs disguised as Russian soldiers attacked civilians in Dornik.")
    assert texts(f.accused) == ["Saboteurs"]
    assert extract_frames("Gunmen dressed in police uniforms attacked a bank in Dornik.") == []
    f = one("The Dornik attack was carried out by the rebels themselves to provoke Western strikes.")
    assert f.time == "past"
    assert len(extract_frames("The guards are shelling themselves in Dornik, the ministry says.")) == 1
    assert extract_frames("The exceptional nature of the attack itself surprised analysts.") == []
    assert extract_frames("The bombers blew themselves up near the Dornik checkpoint.") == []


def test_harm_then_blame_and_a_purpose_coordinated_with_the_readying_verb():
    f = one("The militia killed civilians in Dornik and then blamed the army.")
    assert texts(f.accused) == ["The militia"]
    f = one("The guards shelled their own town and blamed the rebels.")
    assert texts(f.accused) == ["The guards"]
    f = one("The general warned that the rebels were getting ready to shell their own districts and pin the "
            "blame on the army.")
    assert texts(f.accused) == ["the rebels"] and f.accuser is not None and f.accuser.text == "The general"
    assert extract_frames("The militia attacked the convoy and accused the army of lying.") == []
    assert extract_frames("The rebels shelled the town, and the army blamed foreign mercenaries.") == []


def test_use_of_chlorine_so_that_another_is_held_responsible():
    f = one("The ministry claims the volunteers intend to use chlorine in Dornik so that the army would be held "
            "responsible.")
    assert f.event_type == "chemical_attack" and f.time == "future"
    assert extract_frames("The plant will use chlorine so that the water would be safe to drink.") == []


# Fold-12 fixes: phrasings written for these tests after the blind run.
def test_an_attack_planned_by_a_state_in_order_to_mislead_or_organised_in_order_to_mislead():
    f = one("The Dornik bombings were planned by the republic's intelligence agencies in order to justify the purge.")
    assert texts(f.accused) == ["the republic's intelligence agencies"]
    assert len(extract_frames("The Dornik attacks were planned by the government in order to blame the rebels.")) == 1
    assert len(extract_frames("The Dornik attacks were organised in order to mask the government's failures.")) == 1
    assert extract_frames("The Dornik attack was planned by an Islamic State cell.") == []
    assert extract_frames("The Dornik concert was organised by the city council.") == []


def test_a_chemical_attack_said_to_be_planned_and_an_attack_in_scare_quotes_organised():
    f = one("The army plans an offensive; a chemical attack might be planned in Dornik.")
    assert f.event_type == "chemical_attack" and f.time == "future"
    f = one("The agency organised a ‘gas attack’ in Dornik to hide its own crimes.")
    assert f.event_type == "chemical_attack"
    assert extract_frames("The agency organised a gas mask drill in Dornik.") == []


def test_an_event_called_a_farce_or_a_covert_operation_with_an_aim():
    f = one("The Dornik poisoning could have been a farce with the defector playing the lead.")
    assert f.event_type == "poisoning"
    assert len(extract_frames("The Dornik case is a special operation used to put pressure on the president.")) == 1
    assert extract_frames("The trial was a farce, the defence lawyers said.") == []


def test_victims_and_survivors_who_are_said_to_be_actors_with_makeup():
    assert len(extract_frames("A shooting survivor at the Dornik school went to college in another state and "
                              "is an actor.")) == 1
    assert len(extract_frames("The clip shows actors creating the appearance of injuries through makeup.")) == 1
    assert extract_frames("The actor won an award for the role, the festival said.") == []
    assert extract_frames("The actors wore makeup to look like zombies in the new series.") == []
    assert extract_frames("A witness to the shooting, who is an actor, told reporters what he saw.") == []


def test_harm_followed_by_shifted_blame_and_harm_to_spread_russophobia():
    f = one("The coalition bombed the city of Dornik on Friday, shifted blame onto the republic.")
    assert texts(f.blame_target) == ["the republic"]
    assert len(extract_frames("Foreign agents poisoned the defector to spread Russophobia.")) == 1
    assert extract_frames("The committee fabricated a new “Dornik case” ahead of the summit.") == []
    f = one("The channel was caught staging a dramatic rescue during the flood.")
    assert f.time == "past"


def test_an_attack_organised_by_someone_names_a_perpetrator_in_a_title_as_in_a_news_story():
    # Session 13: most blind readers (six of nine) read a bare "the attack was organised by X" as an
    # accusation of perpetration, which the spec excludes, in a claim title as in a story.
    assert extract_frames("The Dornik bombings were organised by the republic's intelligence agencies") == []
    headline = "The Dornik bombings were organised by the republic's intelligence agencies\n\nThe outlet gave no source."
    assert extract_frames(headline) == []
    story = ("Investigators released their findings on Monday. The Dornik bombing was organised by military "
             "intelligence, the prosecutor said. Two officers were charged.")
    assert extract_frames(story) == []
    story = ("The outlet repeated the claim on Monday. The Dornik bombings were planned by the government in order "
             "to justify the new emergency laws, it wrote.")
    assert len(extract_frames(story)) == 1


# Probe round 7 (a blind probe: 71 claims and 42 near misses written without sight of the rules; 33 of 71 found
# before these changes). The sentences here are new variants, each with a near miss.
def test_harm_with_new_verbs_and_purposes_frame_trigger_strikes_or_be_pinned_on():
    f = one("The guards slaughtered the villagers of Dornik to frame Dornish aviation.")
    assert texts(f.accused) == ["The guards"] and texts(f.blame_target) == ["Dornish aviation"]
    assert len(extract_frames("The rebels gassed their prisoners to trigger Western strikes on the capital.")) == 1
    assert len(extract_frames("The militia blew up the dam itself, so that the flood could be pinned on the army.")) == 1
    assert len(extract_frames("The bridge was blown up by the guards to be blamed on the rebels.")) == 1
    assert len(extract_frames("The volunteers plan to release chlorine gas in Dornik and accuse the army.")) == 1
    assert extract_frames("The guards slaughtered the villagers of Dornik, the survivors said.") == []
    assert extract_frames("The army struck the depot to trigger a collapse of the rebel lines.") == []
    assert extract_frames("The photographer framed the ruins to frame the debate.") == []


def test_harm_so_that_another_would_blame_someone_and_shot_down_to_set_up_a_side():
    f = one("The ministry said the guards had shelled their own citizens so that the world would blame the rebels.")
    assert texts(f.accused) == ["the guards"] and f.accuser is not None and f.accuser.text == "The ministry"
    assert len(extract_frames("The border guards shot the airliner down and set up the rebels.")) == 1
    assert extract_frames("The border guards shot the drone down and set up a new checkpoint.") == []


def test_theatre_words_self_shelling_and_events_dressed_up_as_anothers_crimes():
    assert len(extract_frames("Dornik: a mise-en-scène for the foreign press")) == 1
    assert len(extract_frames("The poisoning was a stage-managed drama by the secret service.")) == 1
    assert len(extract_frames("The station strike was a 'self-shelling' by the guards, the blogger wrote.")) == 1
    assert len(extract_frames("The Dornik poisoning affair: a secret-service theatre")) == 1
    assert extract_frames("The attack on a theatre in Dornik killed twelve people.") == []
    assert extract_frames("The strikes hit a theatre of war far from the capital.") == []
    f = one("The rebels shot the hostages and dressed them up as victims of an army massacre.")
    assert f.event_type == "massacre"
    assert extract_frames("The children dressed up as pirates for the parade.") == []


def test_bodies_called_mannequins_victims_paid_to_pretend_and_bodies_brought_in():
    assert len(extract_frames("The bodies in the Dornik street were mannequins, the channel claimed.")) == 1
    assert len(extract_frames("The victims of the Dornik shooting had been paid to pretend they were hurt.")) == 1
    assert len(extract_frames("Bodies in the Dornik square brought in after the army left")) == 1
    assert extract_frames("The shop window mannequins were dressed for winter.") == []
    assert extract_frames("The students were paid to act in a film about the war.") == []


def test_an_incident_that_would_be_blamed_on_another_and_harm_in_the_other_sides_uniform():
    f = one("The ministry alleged that the agency was preparing a bloody incident on the border that would be "
            "blamed on the republic.")
    assert f.time == "future" and f.accuser is not None
    assert extract_frames("The bloody incident on the border was blamed on the republic.") == []
    assert len(extract_frames("It said the attack on the village would be carried out by gunmen disguised in "
                              "Dornish army uniforms.")) == 1
    assert len(extract_frames("Saboteurs will don Dornish uniforms and fire on civilians in the valley.")) == 1
    assert extract_frames("Soldiers will don winter uniforms and patrol the valley.") == []


def test_rehearsed_and_mock_attacks_but_not_in_a_military_exercise_and_an_engineered_incident():
    assert len(extract_frames("The rescuers are rehearsing a chlorine 'attack' near Dornik with child actors.")) == 1
    assert len(extract_frames("The secret service plans a mock air raid on a kindergarten in Dornik.")) == 1
    assert extract_frames("The drill included a mock chemical attack to train the decontamination units.") == []
    assert extract_frames("The troops rehearsed the assault on the bridge for a week.") == []
    assert len(extract_frames("The Dornik strait incident was engineered by the president to cast the republic as "
                              "the aggressor.")) == 1
    assert extract_frames("The new bridge was engineered by a Dornish firm.") == []


def test_a_policy_called_a_provocation_and_any_provocation_are_no_frames():
    assert extract_frames("The decision to close the canal was called a provocation by the republic.") == []
    assert extract_frames("The republic warned that any provocation on the border would be met with force.") == []
    assert extract_frames("The prisoner's hunger strike was a publicity stunt, critics said.") == []
    assert len(extract_frames("The republic warned that the rebels were preparing a new provocation on the "
                              "border.")) == 1


def test_a_mock_air_raid_in_a_drill_is_training():
    assert extract_frames("The air force held a mock air raid drill over the capital.") == []
    assert extract_frames("During the exercises the troops repelled a mock air raid.") == []


def test_a_users_lexicon_extends_a_named_regex_part(tmp_path):
    from narratrace.analyze.allegation_lexicon import load_lexicon
    text = "The guards defenestrated the envoy to blame the rebels."
    assert extract_frames(text) == []
    extra = tmp_path / "mine.yaml"
    extra.write_text('regex_parts:\n  harm: "defenestrat(?:e|es|ed|ing)"\n', encoding="utf-8")
    lex = load_lexicon(str(extra))
    f = extract_frames(text, lex=lex)
    assert len(f) == 1 and texts(f[0].blame_target) == ["the rebels"]
    assert len(extract_frames("The guards shelled the town to blame the rebels.", lex=lex)) == 1  # the base part kept


def test_readying_a_bomb_to_frame_another_but_not_an_offensive_to_retake_a_city():
    f = one("The guards are readying a dirty bomb to frame the republic.")
    assert texts(f.accused) == ["The guards"] and texts(f.blame_target) == ["the republic"]
    assert extract_frames("The army is readying a new offensive to retake the city.") == []


# Probe round 8 (a blind probe: 25 short news passages and 30 titles written without sight of the rules; frames
# 0.93 / 0.68 / 0.78 before these changes). New sentences, each with a near miss.
def test_an_event_called_a_plot_or_operation_to_frame_another_also_after_a_title_colon():
    f = one("The Dornik downing was a secret-service plot to frame the republic.")
    assert f.event_type is not None and f.time == "past"
    assert len(extract_frames("Dornik poisoning: a foreign special services operation to discredit the republic")) == 1
    assert extract_frames("The Dornik raid was a police operation to arrest the smugglers.") == []
    assert extract_frames("The plot to frame the minister was exposed by the newspaper.") == []


def test_harm_then_blame_found_behind_a_noun_the_pattern_first_met():
    f = one("The general said the guards were building a dirty bomb and planned to detonate it on their own soil "
            "and then blame the republic.")
    assert texts(f.accused) == ["the guards"] and texts(f.blame_target) == ["the republic"]
    assert extract_frames("The general said the guards found a dirty bomb and planned to defuse it.") == []


def test_harm_presented_as_anothers_terrorism_or_filmed_as_evidence_and_deaths_pinned_on_another():
    assert len(extract_frames("The saboteurs might attempt a drone strike on the plant and then present it to the world "
                              "as Dornish nuclear terrorism.")) == 1
    assert len(extract_frames("The source said the guards planned to shell their own positions and film the damage as "
                              "evidence of rebel aggression.")) == 1
    f = one("The republic said the guards blew up the prison themselves to pin the deaths on the rebels.")
    assert texts(f.blame_target) == ["the rebels"]
    assert len(extract_frames("The rebels are getting ready to use toxic substances against civilians and then accuse "
                              "the army.")) == 1
    assert extract_frames("The guards shelled the rebel positions and filmed the damage for the archive.") == []
    assert extract_frames("The rebels used toxic substances against civilians, the monitors said.") == []


def test_victims_played_by_actors_and_a_play_about_an_event_staged_in_a_theatre():
    assert len(extract_frames("The Dornik gas attack never happened: the victims were played by actors.")) == 1
    assert extract_frames("A play about the Dornik poisoning was staged in the capital.") == []
    assert extract_frames("The villains were played by actors from the national theatre.") == []


def test_snipers_hired_to_provoke_bloodshed_and_blame_the_government():
    assert len(extract_frames("Snipers on the square were hired by the opposition to provoke bloodshed and blame the "
                              "government.")) == 1
    assert extract_frames("The opposition tried to provoke the government into early elections.") == []


def test_a_scene_or_footage_set_up_by_someone_but_not_a_stage_set_up_for_a_concert():
    assert len(extract_frames("The channels allege that the whole scene in Dornik had been set up by the guards for "
                              "foreign reporters.")) == 1
    assert extract_frames("The stage for the Dornik concert was set up by volunteers.") == []
    assert extract_frames("A rescue operation was set up by the guards in Dornik.") == []


def test_a_title_topic_before_the_colon_is_never_the_accused():
    f = one("Aleppo: jihadists preparing a fake gas attack near the city to blame the army")
    assert texts(f.accused) == ["jihadists"]
    assert "Aleppo" in texts(f.locations)
    f = one("Yemen: Houthi fighters are staging a provocation in Hodeidah")
    assert texts(f.accused) == ["Houthi fighters"]


def test_a_denier_who_then_says_the_event_was_staged_is_the_accuser():
    f = one("The embassy dismissed the charges, saying the shelling of the market had been staged by nationalist units.")
    assert f.accuser is not None and f.accuser.text == "The embassy"
    assert texts(f.accused) == ["nationalist units"]
    f = one("The embassy rejected the charges and said the shelling of the market had been staged by nationalist units.")
    assert f.accuser is not None and f.accuser.text == "The embassy"
    assert extract_frames("The embassy dismissed reports saying the strike had been staged.") == []


def test_protests_branded_a_provocation_and_a_drill_with_a_staged_landing_are_no_frames():
    assert extract_frames("The governor branded the street protests in the city a provocation orchestrated from "
                          "abroad.") == []
    assert extract_frames("The governor described the rally as a provocation organised from abroad.") == []
    assert len(extract_frames("The governor branded the explosion a provocation orchestrated from abroad.")) == 1
    assert extract_frames("Under the plan of the exercise, the marines will practise a staged landing on the "
                          "northern coast.") == []


@pytest.mark.parametrize("text", [
    "The market bombing was an own goal by the army, the channel claimed.",
    "The aim of this provocation is to blame the government for the deaths.",
    "The footage was nothing but a show put on by the rebels for foreign reporters.",
    "The poisoning of the journalist was a pre-arranged spectacle, the paper wrote.",
    "The ministry said the clips posted by the volunteers were 'staged scenes' recorded beforehand.",
    "Militants dressed up villagers to look like casualties of an air raid.",
    "The spokeswoman said the rebels were about to fabricate another 'Douma' in the north.",
    "The grieving relatives were paid performers, the blogger wrote.",
    "The guerrillas shelled their own hospital to turn public opinion against the government.",
    "Kyiv bombed the bridge itself to blame the Russian forces.",
    "They plan to blow up the chemical plant and pass off the blast as a Russian strike.",
    "The general said Kyiv was preparing to stage a dirty bomb explosion near the front.",
    "The shooting was choreographed by intelligence agencies, the site claims.",
    "The attack on the convoy was hoaxed by activists.",
    "Interior Ministry: the depot blast was fabricated to justify new sanctions",
    "From Riga to Vilnius: how Brussels keeps staging 'Russian poisonings'",
    "Separatists plan staged strike on school in the south – military source",
    "Peskov: the refinery incident is a NATO intelligence performance",
    "The governor's men torched the relief lorries and blamed it on the rebels",
    "The militia burned the grain silos themselves to blame the army",
    "The regime itself blew up the reservoir and is now blaming the insurgents",
    "Brussels plans another 'Russian arson attack' for the cameras",
    "The Avdiivka market carnage was orchestrated so that the army could be blamed",
    "The volunteers shot their 'evacuation' clips before any shells fell",
    "The Ghouta attack footage recorded in a studio beforehand",
    "The Manchester bombing was a police drill with crisis actors",
    "A Tonkin-style pretext manufactured by Washington",
    "The village bodies were laid out for the cameras by the rebels",
    "The journalist's death was timed and arranged by the secret services",
    "The general said a provocation is being cooked up in the port to discredit the army.",
    "The ministry warned that militants were preparing to repeat the Douma scenario in the north.",
    "The spies plan to release a virus in the region and accuse Moscow.",
    "The stadium fire was a pre-planned scenario designed to blame the fans.",
    "The Srebrenica story is a hoax, the blogger says.",
    # probe round 11 (written for this test, not taken from the probe)
    "The colonel said the insurgents are planning an imitation of an air strike on the clinic in the valley.",
    "Security service: rebels readying a toxic farce near the river crossing",
    "The envoy recalled that the militants had scripted the Houla scenario before the vote.",
    "The Ghouta episode was a fabricated scenario, the embassy noted.",
    "The agents want to create the appearance of Serbian atrocities in order to bring in NATO.",
    "Corpses are being trucked to the square so that the blame falls on the garrison.",
    "The spy agency will attempt to replay the Skripal script with another defector.",
    "The guerrillas gassed their own villagers to drag the alliance into the conflict.",
    "The navy plans to strike a ferry and then present debris of enemy missiles as proof.",
    "Defence Ministry Says Harbour Explosion Was A Western Set-Up",
    "Bakhmut: a hoax prepared with the help of foreign advisers",
    # probe round 12 (written for this test)
    "The governor said saboteurs intend to blame any explosion at the depot on the militia.",
    "The blogger claims the banker was shot by his own bodyguards so that the blame would fall on the mafia.",
    "The colonel wrote that the police themselves had planted the device to turn the town against the miners.",
    "The channel says the harbour clips were recorded by the volunteers with hired actors.",
    "Officials Warn Rebels Plotting False-Flag Raid On Refugee Camp",
    "An analyst said the riot bore the marks of a militia set-up intended to discredit the monitors.",
    # probe round 13 (written for this test)
    "The coast guard cut the pipeline themselves to pin it on the fishermen.",
    "The blogger says the army blew it up itself to frame the partisans.",
    "The dam breach was a government operation disguised as Georgian sabotage, the columnist claims.",
    "The raid was carried out by militiamen wearing Estonian uniforms, the channel claims.",
    "The minister's death was a palace set-up to smear the opposition.",
    "The militia will shell a hamlet on its own side tonight and call it a Moldovan attack.",
    "The next 'bombing' is already being rehearsed by the agency to pass the new law.",
    "Mercenaries will stage an attack on the refinery to justify an intervention, the president says.",
    "The festival victims were 'paid actors', the podcaster told listeners.",
])
def test_staging_said_without_the_usual_staging_words(text):
    assert len(extract_frames(text)) == 1, text


@pytest.mark.parametrize("text", [
    "The parade was a carefully choreographed ceremony.",
    "The party shot itself in the foot to please its voters.",
    "Why would the charity compromise itself and sabotage its mission by hiring him?",
    "The trial is based on the prosecutors' fakes.",
    "The shooting was an exercise in futility.",
    "The drill at the school was cancelled after the shooting.",
    "The attack was arranged by the terrorists.",
    "The meeting was arranged by the embassy.",
    "The missile strike was a show of force.",
    "The concert was a great performance by the orchestra.",
    "The minister directed the drill scenario for the coastal exercise.",
    "The report painted a grim scene of the battle.",
    "The rebels shelled their own hospital by mistake, the inquiry found.",
    "Officials Say The Harbour Explosion Was An Accident",
    "The new studio was a set-up designed by architects.",
    "The term false flag comes from naval warfare.",
    "Why 'False Flag' Became Everyone's Favourite Insult",
    "She accused him of a false-flag argument in the debate.",
    "Tonight: 'False Flag', a new play about two spies.",
    "No 'false flag' talk will change the verdict.",
    "Anyone calling it a hoax has not read the report.",
    "Fact check: no evidence the stadium bombing was staged",
    "The capital condemns the neighbour's 'provocation' on the border.",
    "The rebels staged an attack on the garrison at dawn.",
])
def test_near_misses_of_those_phrasings_stay_out(text):
    assert extract_frames(text) == [], text


@pytest.mark.parametrize("text, etype", [
    ("The Orlando shooting was a false flag, the blogger says.", "massacre"),
    ("Snipers hired by the opposition fired on the crowd to provoke bloodshed and blame the police.", "massacre"),
    ("The bombing of the bus station was a provocation staged by the militia.", "attack_on_civilians"),
    ("The downing of the airliner was staged by Western agents to blame the rebels.", "attack_on_civilians"),
    ("The ministry says Kyiv shelled its own town to accuse the militia.", "attack_on_civilians"),
    ("The drill was staged to look like a chemical attack, the rebels said.", "chemical_attack"),
    ("Kyiv plans to stage a dirty bomb explosion and blame Moscow.", "other"),
])
def test_event_type_of_shootings_strikes_and_downed_airliners(text, etype):
    assert one(text).event_type == etype


def test_slots_from_wire_copy_trailing_sources_claims_by_and_datelines():
    f = one("Gunmen are preparing a provocation with chlorine near the dam, the head of the regional "
            "reconciliation office Colonel Ivan Petrov said on Tuesday.")
    assert f.accuser is not None and f.accuser.text.endswith("Ivan Petrov")
    f = one("ROME (Wire) - The embassy mocked claims by state television that the shelling of the port was staged "
            "by naval commandos to discredit the navy.")
    assert f.accuser is not None and f.accuser.text == "state television"
    assert "ROME" not in texts(f.locations)
    assert texts(f.accused) == ["naval commandos"]


def test_accused_named_by_a_misparsed_headline_or_cut_at_a_hyphen():
    assert texts(one("The market explosion was a hoax set up by MI5").accused) == ["MI5"]
    assert texts(one("The gas attack in the camp was fabricated by Jaish al-Islam").accused) == ["Jaish al-Islam"]
    f = one("Lavrov: the chemical attack in the suburb was staged by foreign agents")
    assert f.accuser is not None and f.accuser.text == "Lavrov"


def test_a_lead_that_broke_the_parse_is_read_again_without_it():
    f = one("Interior Ministry: the depot blast was fabricated to justify new sanctions")
    assert f.sentence.start == 0 and f.accuser is not None and f.accuser.text == "Interior Ministry"
    f = one("From Riga to Vilnius: how Brussels keeps staging 'Russian poisonings'")
    assert f.accuser is None and texts(f.accused) == ["Brussels"]


def test_leads_that_name_a_source_or_a_time_and_incidents_that_are_no_stagers():
    f = one("Border guard service: smugglers plan a staged shooting at the crossing to blame the guards")
    assert f.accuser is not None and f.accuser.text == "Border guard service"
    f = one("Ankara: militants could stage an attack on their own post and pin it on the army")
    assert f.accuser is not None and f.accuser.text == "Ankara"
    f = one("Ten years after Houla: how a staged 'massacre' served the interventionists")
    assert f.accuser is None
    f = one("Racak was a staged massacre used to demonise the police")
    assert texts(f.accused) == []
    f = one("The Ghouta scenario was directed by the militants, the envoy said.")
    assert texts(f.accused) == ["the militants"]
    f = one("Channels in Niger allege that foreign troops are planning a fake massacre.")  # "allege" parsed as a noun
    assert f.accuser is not None and f.accuser.text == "Channels in Niger"


def test_time_of_a_planned_provocation_in_the_past_and_of_preparations_under_way():
    assert one("The airliner was shot down in a planned provocation by the militia to blame the army").time == "past"
    assert one("Defence ministry: militia preparing staged 'strike' on school to accuse the army").time == "future"
    assert one("The volunteers are scripting a fake attack on the camp to justify a raid").time == "future"
    assert one("Bodies are being brought to the square so that the blame for the massacre falls on "
               "the garrison.").time == "future"


def test_title_case_headlines_are_read_in_sentence_case():
    f = one("Capital Says Rebels Plotting False Flag At Border Crossing")
    assert f.accuser is not None and f.accuser.text == "Capital"
    assert texts(f.accused) == ["Rebels"] and f.time == "future"
    assert f.trigger.text == "False Flag"  # spans keep the headline's own letters
    f = one("US Warns Militia Could Fake Gas Attack To Justify Offensive")
    assert f.accuser is not None and f.accuser.text == "US" and texts(f.accused) == ["Militia"]
    assert extract_frames("Suicide Blast Near Ahrar al-Sham Militants HQ Leaves 45 Dead") == []
    assert extract_frames("Accusations On Airliner Crash 'Planned Provocation'") == []


def test_accused_beside_itself_behind_a_provocation_and_not_the_side_to_be_blamed():
    f = one("The envoy said the militia was itself planning to strike the dam and then blame the army.")
    assert texts(f.accused) == ["the militia"]
    f = one("The minister suggests foreign spies were behind the Kharkiv 'provocation'.")
    assert texts(f.accused) == ["foreign spies"]
    f = one("The ministry warned that the rebels were planning to film a fake Turkish attack on the camp.")
    assert texts(f.accused) == ["the rebels"]
    f = one("The army says militants preparing to stage 'government attack' on border village")
    assert texts(f.accused) == ["militants"]


def test_speaker_sites_and_affirmed_claims_in_slots():
    f = one("“We have every reason to believe this was a provocation planned in Paris to discredit the army,” "
            "the envoy said.")
    assert "We" not in texts(f.accused)
    assert texts(one("US prepare a false-flag attack in the port").accused) == ["US"]
    assert texts(one("The burial site is another staged provocation like Racak").accused) == []
    f = one("The ministry affirmed that the alleged gas attack in the suburb was staged by the militants.")
    assert f.accuser is not None and f.accuser.text == "The ministry"


def test_candidate_regex_groups_word_start_patterns_without_changing_what_matches() -> None:
    import re

    from narratrace.analyze.allegation_lexicon import candidate_regex

    patterns = [r"\bstag", r"\bfoo|bar", r"\bbaz|\bqux", r"[“\"]\w+ attack[”\"]", r"\bto blame (?:\w+ ){0,2}on\b"]
    fast = candidate_regex(patterns)
    slow = re.compile("|".join(f"(?:{p})" for p in patterns), re.I)
    texts = ["They will STAGE it.", "upstaged", "a crowbar", "xbaz", "Qux here", "the \"Gas Attack\" claim",
             "to blame the blast on Kyiv", "nothing at all", "a foobar"]
    assert [bool(fast.search(t.lower())) for t in texts] == [bool(slow.search(t)) for t in texts]
    assert bool(fast.search("a crowbar")) and not fast.search("upstaged")
    with pytest.raises(ValueError, match="lower case"):
        candidate_regex([r"\bFalse flag"])


def test_lexicon_candidate_test_reads_any_case() -> None:
    from narratrace.analyze.allegation_lexicon import load_lexicon

    lex = load_lexicon()
    assert lex.is_candidate("THE WHITE HELMETS ARE PREPARING A FALSE FLAG")
    assert lex.is_candidate("xx They staged it. yy", 3, 17)
    assert not lex.is_candidate("The minister opened a new bridge on Tuesday.")


def test_a_pretext_purpose_makes_a_past_staged_attack_a_frame_and_a_blamed_trigger_names_its_target():
    f = one("The militants staged the attack to justify a NATO strike on Verna.")
    assert texts(f.accused) == ["The militants"] and f.time == "past"
    assert one("The rebels staged a bombing to pave the way for foreign intervention.").trigger.text == "staged"
    assert one("Commandos carried out the shelling to open the way for their allies to attack Verna.")
    assert extract_frames("The militants staged an attack on a checkpoint near Verna.") == []
    f = one("The rebels are preparing a chemical attack that could be blamed on the Verna army.")
    assert texts(f.blame_target) == ["the Verna army"]


def test_a_text_that_describes_a_staging_is_its_accuser_and_rescuers_who_staged_an_attack_faked_it():
    f = one("The article elaborates on the crisis actors hired by the White Helmets for staged attacks.")
    assert f.accuser is not None and f.accuser.text == "The article"
    f = one("The publication dwells on how the White Helmets staged the attack in Verna.")
    assert f.accuser.text == "The publication" and texts(f.accused) == ["the White Helmets"]
    assert one("Civil defence volunteers staged the shelling of the market.").time == "past"
    assert extract_frames("Activists staged a protest in Verna.") == []
    assert extract_frames("The guerrillas staged an attack on a border post.") == []


def test_planted_props_make_a_staged_strike_a_frame_and_horrors_can_be_staged():
    assert texts(one("Verna's army staged the strike using fragments of Kelmish missiles.").accused) == ["Verna's army"]
    assert extract_frames("Verna's army staged the strike with artillery at dawn.") == []
    assert texts(one("Kelm will stage these horrors to blame Verna's soldiers.").blame_target) == ["Verna's soldiers"]


def test_a_named_incident_can_be_called_staged_but_is_never_its_own_stager():
    f = one("Bucha was staged.")
    assert f.accused == () and f.event_type == "massacre"
    assert one("Lavrov: Bucha is a fake staged by the West").accuser.text == "Lavrov"
    assert extract_frames("The residents of Bucha were evacuated.") == []


def test_harms_no_one_carries_out_are_faked_when_staged_and_context_decides_stage_shelling():
    assert one("They loaded the plane with bodies to stage a mass-casualty disaster.").trigger.text == "stage"
    assert extract_frames("Agents helped the police to orchestrate deaths of protesters in the square.") == []
    assert one("Kelmish forces plan to stage shelling of the Verna nuclear power plant.").time == "future"
    assert extract_frames("Kelmish forces plan to stage shelling of the Verna border post.") == []
    assert one("The outlet claims that the 'victims' were actors recruited in the capital.")
    assert texts(one("Reporters came only after the scene had been arranged by the secret police.").accused) \
        == ["the secret police"]


def test_fabricated_records_politics_and_claims_called_staged_are_not_frames():
    assert extract_frames("It also claims that the intercepted phone calls were fabricated by the secret police.") == []
    assert extract_frames("The dossier was pieced together from fabricated photos and documents.") == []
    assert extract_frames("Verna's referendum on the treaty was a staged show.") == []
    assert extract_frames("The author says the pandemic was staged by global elites to introduce vaccination.") == []
    assert extract_frames("Critics accused Verna of using the drills as cover for a build-up, an allegation that "
                          "the minister called a provocation by Western media.") == []
    assert extract_frames("During the drills, the troops practised repelling an attack by an armed group that had "
                          "seized a village near the border, and simulated the evacuation of civilians.") == []
    f = one("The minister repeated that the reports of casualties were a staged performance.")
    assert f.accuser.text == "The minister"


def test_the_accuser_is_the_innermost_named_speaker():
    assert one("RT reports that the Kelmish ministry warned that rebels are preparing a staged chemical attack."
               ).accuser.text == "the Kelmish ministry"
    assert one("The outlet reports that, according to the Kelmish ministry, rebels are preparing a staged "
               "chemical attack.").accuser.text == "the Kelmish ministry"
    f = one("Kelm has called for a UN meeting over what it describes as a provocation staged by Verna.")
    assert f.accuser.text == "Kelm"
    f = one("The general said that, according to reliable information, militants are preparing a staged "
            "chemical attack.")
    assert f.accuser.text == "The general"


def test_who_received_information_gives_way_to_who_quotes_it_and_a_tip_off_source_is_evidence():
    f = one("“The Kelm centre has received information that rebels are preparing to stage a chemical attack,” "
            "said General Varo.")
    assert f.accuser.text == "General Varo"
    f = one("The Kelm centre received a tip-off from a local resident who said preparations for a staged chemical "
            "attack were underway.")
    assert f.accuser.text == "The Kelm centre"
    f = one("Varo received a warning from the Kelm service, which claims that the rebels plan a staged chemical "
            "attack.")
    assert f.accuser.text == "the Kelm service"


def test_probe16_phrasings_leads_and_near_misses():
    f = one("Russian MoD: White Helmets preparing staged chemical attack in Verna")
    assert f.accuser.text == "Russian MoD" and texts(f.accused) == ["White Helmets"]
    assert one("Duma speaker: the blogger's illness may be a planned provocation by Western special services"
               ).accuser.text == "Duma speaker"
    assert texts(one("Border Committee: Polish side preparing provocation with migrants at the border").accused) \
        == ["Polish side"]
    assert one("Kelm denounces Verna plan for 'false flag' attack on the border").accuser.text == "Kelm"
    assert "dirty bomb" not in texts(one("Verna accuses Kelm of plotting 'dirty bomb' false flag").accused)
    f = one("The general said Kelm had killed the prisoners and disguised the massacre as a Vernan strike.")
    assert f.trigger.text == "disguised" and f.event_type == "massacre"
    assert one("Verna said Kelmish forces had staged the blast to cover up the execution of prisoners.")
    assert extract_frames("The rebels staged an attack on the base to conceal their withdrawal.") == []
    assert texts(one("According to the ministry, the footage was staged by Vernan forces days after the "
                     "withdrawal.").accused) == ["Vernan forces"]
    assert extract_frames("The image is fake.") == []
    assert extract_frames("Emergency services stage mock chemical attack at Kelm metro station") == []
    assert extract_frames("Critics praised the staging, which uses projected news footage and a revolving set.") == []


def test_probe17_phrasings_and_near_misses():
    f = one("Saboteurs intend to blow them up so that the Kelm army would be blamed for a chemical disaster.")
    assert texts(f.blame_target) == ["the Kelm army"]
    assert texts(one("Verna's authorities staged a fake cyberattack on their own election system to accuse Kelm."
                     ).blame_target) == ["Kelm"]
    assert one("The Ostrava massacre is a fabrication of Western propaganda").event_type == "massacre"
    assert extract_frames("This is a fabrication of lies.") == []
    assert extract_frames("According to the article, the elections in Verna were a staged show organised by the "
                          "ruling party") == []
    assert extract_frames("The singer faked her own death to boost album sales") == []


def test_review_near_misses():
    # a relative clause of the subject says nothing about who the subject is
    assert extract_frames("The gunmen who shot two journalists staged an attack on the base.") == []
    # a purpose in the next clause belongs to someone else
    assert extract_frames("The rebels staged an attack on the base, and the government used it to justify new "
                          "strikes.") == []
    # "staged" (lemma "stag") as well as "stage"
    assert one("Kyiv staged a mass-casualty disaster.").time == "past"
    # a pronoun after "according to" does not replace a named speaker
    assert one("Lavrov said that, according to them, the attack in Verna was staged.").accuser.text == "Lavrov"
    # a column of vehicles is not a newspaper column
    f = one("A column of armoured vehicles drove into the town a day after the staged chemical attack in Verna.")
    assert f.accuser is None
    assert extract_frames("The mass protests, which the Kremlin branded a provocation orchestrated from abroad, "
                          "continued on Sunday.") == []


@pytest.mark.parametrize("text,accused", [
    # the agent of a participle on the trigger itself
    ("The shelling is a fake staged by the rebels.", ["the rebels"]),
    # an actor fused to the staging participle by a hyphen (and the name is not widened over it)
    ("The Harbour crash was a CIA-scripted operation designed to pin the blame on Moscow", ["CIA"]),
    ("The Douma attack was a US-orchestrated provocation.", ["US"]),
    # the named author of a plan
    ("Caracas denounces US plan for 'false flag' attack on the border", ["US"]),
    # a possessor that is no one ("'dirty bomb' false flag") leaves the plotter as the accused
    ("Ruritania plotting 'dirty bomb' false flag, defence minister warns", ["Ruritania"]),
])
def test_accused_from_an_agent_a_hyphen_a_plan_and_past_a_thing_possessor(text, accused):
    assert texts(one(text).accused) == accused


def test_a_hyphenated_name_is_still_widened():
    assert texts(one("The Jabhat al-Nusra militants staged the attack to blame Damascus.").accused) == [
        "The Jabhat al-Nusra militants"]


@pytest.mark.parametrize("text", [
    "Border guards staged the beating of migrants to blame the neighbours",
    "The alliance is preparing a false-flag attack on Russian speakers in the port city",
])
def test_migrants_and_russian_speakers_are_civilians(text):
    assert one(text).event_type == "attack_on_civilians"


def test_shelling_a_nuclear_plant_and_the_rcb_troops_title_are_not_civilian_or_chemical():
    f = one("Ukraine is shelling the Enerhodar nuclear plant to stage a nuclear catastrophe and blame Russia")
    assert f.event_type == "other"
    f = one("According to the head of the radiation, chemical and biological protection troops, Kyiv is "
            "preparing a dirty bomb provocation to blame Moscow.")
    assert f.event_type == "other"
    # a shelled hospital is still an attack on civilians, a chemical attack still chemical
    assert one("Kyiv is preparing to stage the shelling of a hospital to blame Russia.").event_type == \
        "attack_on_civilians"
    assert one("The rebels will stage a chemical attack in Idlib.").event_type == "chemical_attack"


def test_according_to_a_title_then_a_name_gives_both_and_the_name_is_not_accused():
    f = one("According to the head of the radiation, chemical and biological protection troops, Lieutenant "
            "General Igor Kirillov, Kyiv is preparing a dirty bomb provocation to blame Moscow.")
    assert f.accuser.text.endswith("Lieutenant General Igor Kirillov") and f.accuser.text.startswith("the head")
    assert texts(f.accused) == ["Kyiv"]
    # a list of countries after "according to X," is the accused, not the speaker's name
    f = one("According to the ministry, Ukraine, Poland and the US are preparing a provocation.")
    assert f.accuser.text == "the ministry" and texts(f.accused) == ["Ukraine", "Poland", "the US"]


@pytest.mark.parametrize("text,locations", [
    # a place named on the facility hit (compound or adjective), a nuclear plant from the gazetteer
    ("Kharkiv apartment block was shelled by Ukrainian gunners to pin the blame on Russia", ["Kharkiv"]),
    ("Photos of the bombed Mariupol maternity hospital were staged with actors, says the embassy", ["Mariupol"]),
    ("The regime is preparing a provocation at the Zaporizhzhia nuclear power plant in order to blame Russia.",
     ["Zaporizhzhia nuclear power plant"]),
    # a direction before a place otherwise too general to count; a border named by a nationality
    ("Foreign contractors plan a chemical 'provocation' in eastern Ukraine", ["eastern Ukraine"]),
    ("Special services are preparing a provocation with migrant deaths on the Belarusian border",
     ["Belarusian border"]),
])
def test_locations_on_facilities_directions_and_borders(text, locations):
    assert texts(one(text).locations) == locations


def test_border_guards_are_no_place():
    f = one('"The goal is to stage a bloody incident and blame the Belarusian border guards for it," he said.')
    assert texts(f.locations) == []


@pytest.mark.parametrize("text", [
    "Soldiers from five allied countries staged a mock chemical attack on a village this week as part of an "
    "annual exercise, the army said.",
    "Allied troops rehearse response to simulated chemical attack near the port",
    'Experts say the "provocation" label is used to shift blame before facts are established.',
])
def test_a_drill_named_after_the_attack_and_talk_about_the_word_are_no_frames(text):
    assert extract_frames(text) == []


def test_war_drills_as_a_purpose_do_not_make_a_staging_claim_a_drill():
    f = one("The agency says the two allies are staging 'civilian casualties' along the border to justify their "
            "war drills.")
    assert f.trigger.text == "staging"


@pytest.mark.parametrize("text", [
    "Salisbury poisoning: a provocation of British special services aimed at discrediting Russia",
    'The minister has called the events in Bucha a "fake attack" staged by Kyiv.',
])
def test_a_named_incident_called_staged_in_a_headline_or_by_a_speaker_is_past(text):
    assert one(text).time == "past"


@pytest.mark.parametrize("text,accuser,accused", [
    # a name after an institution is the subject, not the speaker's name
    ("According to the ministry, Boris Johnson, backed by MI6, staged the Salisbury poisoning.", "the ministry",
     ["Boris Johnson"]),
    ("According to the ministry, Zelensky, backed by the West, is preparing a provocation.", "the ministry",
     ["Zelensky"]),
    # a name after a person's title is the speaker
    ("According to the ministry's spokesman, Igor Konashenkov, the militants are preparing a staged chemical "
     "attack in Idlib.", "the ministry's spokesman, Igor Konashenkov", ["the militants"]),
])
def test_a_name_after_according_to_is_the_speaker_only_after_a_title(text, accuser, accused):
    f = one(text)
    assert f.accuser.text == accuser and texts(f.accused) == accused


def test_a_drill_elsewhere_in_the_sentence_and_a_common_noun_before_a_hyphen_change_nothing():
    f = one("The soldiers who staged the Bucha massacre had trained during NATO exercises, the ministry claimed.")
    assert texts(f.accused) == ["The soldiers"]
    assert texts(one("The alleged chemical attack was a state-orchestrated provocation, Moscow said.").accused) == []


def test_only_a_nuclear_plant_makes_shelling_other():
    assert one("Ukraine staged the shelling of the Zaporizhzhia nuclear plant to blame Russia.").event_type == "other"
    assert one("Ukrainian troops shelled Zaporizhzhia to stage a provocation and blame Russia.").event_type == \
        "attack_on_civilians"


def test_staged_pictures_of_bodies_are_a_frame_but_a_fake_portrait_is_not():
    assert one("Telegram channels claimed the images of bodies at the station had been staged.").time == "past"
    assert extract_frames("The photo of the minister was fake.") == []


def test_staged_war_crimes_are_a_staged_event_but_committed_or_fabricated_crimes_are_not():
    f = one("The army staged war crimes in Lindenfeld to blame the neighbours.")
    assert f.trigger.text == "staged"
    assert extract_frames("The army committed war crimes in the town.") == []
    assert extract_frames("The prosecutor fabricated crimes against the journalist.") == []


# ---- session 11

@pytest.mark.parametrize("text,accused", [
    ("It was the Blue Brigade who staged the gas attack in Marrow.", ["the Blue Brigade"]),
    ("It is Oldland that is preparing a provocation in Kestrel.", ["Oldland"]),
])
def test_a_cleft_names_the_stager(text, accused):
    assert texts(one(text).accused) == accused


@pytest.mark.parametrize("text", [
    "The Kestrel hospital photos show actors, not victims.",
    "The victims in the Marrow videos were actors.",
    "Kestrel maternity ward: theatre with a hired actress and make-up instead of wounds",
    "The Marrow 'gas attack' videos were filmed two days before the incident.",
])
def test_players_and_early_footage_are_frames_without_a_stager(text):
    f = one(text)
    assert texts(f.accused) == [] and f.time == "past"


@pytest.mark.parametrize("text,accused,blame", [
    ("Oldland blew up the Kestrel dam and blamed Newland for it.", ["Oldland"], ["Newland"]),
    ("The Kestrel dam was blown up by Oldland troops who then blamed Newland.", ["Oldland troops"], ["Newland"]),
    ("The missile that hit the station was fired by Oldland to accuse Newland of a war crime.", ["Oldland"],
     ["Newland"]),
    ("Oldland killed its own prisoners in Marrow to pin the massacre on Newland.", ["Oldland"], ["Newland"]),
    ("The rebels had fired the rockets themselves to frame the army.", ["The rebels"], ["the army"]),
])
def test_harm_then_blame_without_a_staging_word(text, accused, blame):
    f = one(text)
    assert texts(f.accused) == accused and texts(f.blame_target) == blame and f.time == "past"


def test_a_destroyed_dam_is_harm_but_a_destroyed_reputation_is_not():
    f = one("Claims spread that Oldland had destroyed the Kestrel dam itself to pin the flood on Newland.")
    assert texts(f.accused) == ["Oldland"] and texts(f.blame_target) == ["Newland"]
    assert extract_frames("The senator destroyed her rival's reputation to blame him for the defeat.") == []


def test_under_a_foreign_flag_with_harm_but_not_a_ship_under_a_foreign_flag():
    f = one("Oldland special forces will shell Kharkiv under a foreign flag to start a war.")
    assert texts(f.accused) == ["Oldland special forces"] and f.time == "future"
    assert texts(f.locations) == ["Kharkiv"]
    assert extract_frames("The tanker was attacked by pirates while sailing under a foreign flag.") == []
    assert extract_frames("The tanker sailed under a foreign flag to avoid the sanctions.") == []


def test_make_it_look_as_if_someone_else_was_responsible():
    f = one("According to the committee, the bodies were then moved across the fence to make it look as if "
            "the border guards were responsible.")
    assert f.accuser.text == "the committee" and texts(f.accused) == [] and f.time == "past"


def test_a_set_up_of_a_downing_names_the_doer_not_the_plane():
    f = one("The airliner was downed by Oldland in a set-up meant to put the blame on Newland.")
    assert texts(f.accused) == ["Oldland"] and texts(f.blame_target) == ["Newland"]


def test_speaker_of_a_warning_participle_and_of_a_quoted_official():
    f = one("The president said enemy troops had placed mines on the roof, warning that Oldland was preparing a "
            "provocation at the plant to blame Newland.")
    assert f.accuser.text == "The president" and texts(f.accused) == ["Oldland"]
    f = one("State television quoted an official as saying the rebels had fired the rockets themselves to frame "
            "the army.")
    assert f.accuser.text == "an official"


def test_a_question_with_did_is_past():
    assert one("Why did the spies stage the Kestrel poisoning right before the summit?").time == "past"


@pytest.mark.parametrize("text", [
    "The self-proclamation of the opposition leader was a show staged from abroad.",
    "A similar hoax last year falsely reported a radiation leak at the plant.",
])
def test_politics_called_a_show_and_a_hoax_that_reports_are_no_frames(text):
    assert extract_frames(text) == []


@pytest.mark.parametrize("text,locations", [
    ("The Kakhovka dam was blown up by Oldland troops to blame Newland.", ["Kakhovka dam"]),
    ("Police torched the aid trucks on the Santander bridge to blame the president.", ["Santander bridge"]),
    ("Self-shelling: Oldland gunners fire at Kharkiv apartment blocks so that Newland is blamed.", ["Kharkiv"]),
    ("The Douma attack was a hoax staged by the rescuers on orders from London.", ["Douma"]),
    ("The rescuers staged a scene in Douma, used as a pretext for strikes by the United States.", ["Douma"]),
    ("The hospital tragedy in Kharkiv was a show staged for the summit in Washington.", ["Kharkiv"]),
])
def test_locations_of_sites_hit_and_not_of_sides_orders_or_venues(text, locations):
    assert texts(one(text).locations) == locations


@pytest.mark.parametrize("text", [
    "The Marrow victims were played by volunteers from the local militia",
    "The Kestrel hospital scene was a performance for Western cameras",
    'The ministry said the photos were "another production of the Oldland regime for the Western media".',
])
def test_played_and_performed_events_are_frames_without_a_stager(text):
    f = one(text)
    assert texts(f.accused) in ([], ["the Oldland regime for the Western media"]) and f.time == "past"


def test_the_dead_dressed_as_civilians_names_who_dressed_them():
    f = one("The bodies were those of fighters killed in combat, which the militants later dressed in civilian "
            "clothes.")
    assert texts(f.accused) == ["the militants"] and f.time == "past"


def test_a_theatre_production_directed_by_someone_names_the_stager():
    assert texts(one("Salisbury was a theatre production directed by the secret services").accused) == \
        ["the secret services"]


@pytest.mark.parametrize("text", [
    "The film is a production of the state broadcaster for television.",
    "Photographs show actresses Jane Miller and Anna Stone at a christening.",
    "Claims that Oldland staged the Kestrel poisoning are false.",
    "The claim that the rebels staged the chemical attack is a lie.",
    "The article claims that reports about mercenaries near Marrow are fabricated by the spies to discredit Oldland.",
])
def test_real_productions_denied_claims_and_fabricated_reports_are_no_frames(text):
    assert extract_frames(text) == []


@pytest.mark.parametrize("text,accused,blame", [
    ("The outlet says Oldland services plan to stage an armed attack on villagers and present it as the work of "
     "Newland border guards.", ["Oldland services"], ["Newland border guards"]),
    ("Oldland intelligence, under foreign supervision, is preparing an explosion on a pipeline that would then be "
     "attributed to Newland saboteurs.", ["Oldland intelligence"], ["Newland saboteurs"]),
    ("Special forces plan to attack a refugee camp in Marrow and attribute the attack to the Newland army.",
     ["Special forces"], ["the Newland army"]),
    ("Oldland soldiers themselves beat migrants at the border and filmed the injured to accuse Newland guards.",
     ["Oldland soldiers themselves"], ["Newland guards"]),
])
def test_staging_shown_as_anothers_work_and_harm_attributed_to_another(text, accused, blame):
    f = one(text)
    assert texts(f.accused) == accused and texts(f.blame_target) == blame


def test_harm_done_as_a_provocation_names_the_doer():
    f = one("The dissident was poisoned by Oldland special services as a provocation against Newland")
    assert texts(f.accused) == ["Oldland special services"] and texts(f.blame_target) == ["Newland"]


def test_our_sources_are_the_outlets_own_voice():
    f = one("According to our sources, the militants plan to hit a residential block and then blame the army for "
            "the destruction.")
    assert f.accuser is None and texts(f.accused) == ["the militants"] and texts(f.blame_target) == ["the army"]


@pytest.mark.parametrize("text", [
    "Claims that the destruction was a staged provocation are not supported by any evidence, the inspectors said.",
    "Critics called the production a deliberate provocation to audiences used to lavish costumes.",
    "Researchers said the malware that disrupted the ceremony contained false flags.",
    "The interior ministry accused organisers of planning provocations against police.",
    "The boxer hit his rival and then blamed the referee for the fall.",
])
def test_unsupported_claims_plays_malware_flags_and_protest_provocations_are_no_frames(text):
    assert extract_frames(text) == []


def test_a_cyberattack_called_a_false_flag_operation_is_still_a_frame():
    assert one("The cyberattack on the ministry was a false flag operation by the elite.").time == "past"


# ---- session 11 review: misreadings the new rules brought, found by a reviewer's own sentences

@pytest.mark.parametrize("text", [
    "The tanker was attacked by pirates while sailing under a foreign flag off the coast.",
    "The role of the victim was played by volunteers in a civil defence drill.",
    "The man killed his neighbour and later blamed the alcohol for it.",
    "His speech was a performance for the cameras, critics said.",
    "Biden hit the campaign trail with Clinton, accusing Trump of endangering troops.",
])
def test_review_misreadings_are_no_frames(text):
    assert extract_frames(text) == []


def test_review_slots_our_enemies_a_company_a_visited_site_and_a_village_by_a_town():
    assert texts(one("Our country's enemies staged the provocation, the minister said.").accused) == \
        ["Our country's enemies"]
    assert texts(one("Moscow claimed Oldland forces plan to strike Shell and blame Newland.").locations) == []
    f = one("Moscow said the blast at the pipeline was staged by Washington, while the Zaporizhzhia plant was "
            "visited by inspectors.")
    assert texts(f.locations) == []
    assert texts(one("Russia claimed Oldland troops staged the massacre in villages by Izium to blame Newland "
                     "soldiers.").locations) == ["Izium"]
    assert texts(one("The rebels shelled the town and then blamed it on the army.").blame_target) == ["the army"]


@pytest.mark.parametrize("text", [
    "The Kremlin called claims that Oldland staged the poisoning false.",
    "Claims that the attack was staged are supported by no evidence.",
])
def test_claims_called_false_or_supported_by_no_evidence_are_denials(text):
    assert extract_frames(text) == []
    assert extract_frames("The ministry called claims that the rebels staged the chemical attack credible.") != []


@pytest.mark.parametrize("text", [
    "Rescue workers bring chlorine to Marrow for a new show",
    "The group intends to film a simulated gas attack and accuse government forces.",
    "The army itself dug the grave near the base and then filmed the scene to pin it on the instructors.",
    "The agency says the militants will use the poison gas on locals and then accuse the army.",
    "He said the victims shown in the videos were actors filmed days before the attack.",
])
def test_probe_22_phrasings_are_frames(text):
    assert len(extract_frames(text)) == 1


def test_a_ship_under_a_false_flag_is_no_frame():
    assert extract_frames("The museum shows the log of a privateer that sailed under a false flag to approach "
                          "merchant ships.") == []


# ---- session 12

def test_a_sacred_victim_prepared_or_in_scare_quotes_is_a_frame_a_martyr_in_a_museum_is_not():
    f = one("Foreign-funded groups prepare a 'sacred victim' in Marrow.")
    assert texts(f.accused) == ["Foreign-funded groups"] and texts(f.locations) == ["Marrow"]
    assert texts(one("The opposition needs a sacral victim to blame the government.").blame_target) == \
        ["the government"]
    assert extract_frames("The chapel keeps relics of a sacred victim of the persecutions.") == []


@pytest.mark.parametrize("text", [
    "Oldland fired a Tochka-U at the station itself so the Newland army could be blamed.",
    "The militants shelled the market so the army would be blamed.",
    "The rescuers splashed water on the boys for the cameras so that the army could be accused of a gas attack.",
    "The rebels brought two chlorine tankers to Marrow for staging, the general said.",
    "Saboteurs are planning a series of blasts in Marrow, to be blamed on the government.",
    "The blast at the plant would, the ministry claimed, be presented to the world as the use of a Newland missile.",
    "The gunmen brought bodies of hostages and laid them out in front of the cameras of the rescue group.",
    "The video of the wounded boys was filmed to give the allies a pretext for air strikes.",
    "A villager said he had been offered money to play a wounded refugee.",
    "The clinic incident had been a scene acted out by the volunteers, the envoy said.",
    "The volunteers brought the 'actors' to the hospital, she said.",
    "The rebels intend to film a mock-up of a chemical attack in Marrow.",
    "The gunmen carried out the massacre and then attributed it to the army.",
    "Troops were ordered to shell the plant and pin the damage on Newland artillery.",
    "It all resembles the Marrow affair, which was also engineered to pin the blame on Oldland, the envoy said.",
])
def test_session_12_probe_phrasings_are_frames(text):
    assert len(extract_frames(text)) == 1


@pytest.mark.parametrize("text", [
    "The club fired the coach at halftime so he could be blamed for the loss.",
    "The bodies were laid to rest before the cameras of state TV.",
    "The blast was presented to the public as an accident.",
    "The Oldland army staged an exercise simulating a Newland invasion of Marrow.",
    "Oldland denies chemical weapons use in Marrow, calls claims 'fabrications'",
])
def test_session_12_look_alikes_are_no_frames(text):
    assert extract_frames(text) == []


def test_a_restated_provocation_said_to_be_prepared_again_is_a_frame_a_stated_purpose_is_not():
    first = "The minister told his colleagues that Oldland was planning a provocation with a dirty bomb."
    again = "A general said the provocation was being prepared with the help of Newland specialists."
    assert len(extract_frames(first + " " + again)) == 2
    assert len(extract_frames(first + " The planned provocation is also to justify an offensive, he said.")) == 1


def test_a_speaker_with_a_title_set_off_by_commas_before_said_is_the_accuser():
    f = one("Rebels are preparing to stage a chemical attack in Marrow, Rear Admiral Ivan Petrov, head of the "
            "Oldland Reconciliation Centre, said on Monday.")
    assert f.accuser.text == "Rear Admiral Ivan Petrov, head of the Oldland Reconciliation Centre"
    f = one("Rebels are preparing to stage a chemical attack in Marrow, the deputy head of the centre, Rear Admiral "
            "Ivan Petrov, said at a briefing.")
    assert f.accuser.text == "the deputy head of the centre, Rear Admiral Ivan Petrov"


def test_a_parenthetical_speaker_and_media_that_report_are_accusers():
    assert one("The staged footage, Petrov specified, is to be shown on Western channels to accuse the army of a "
               "gas attack.").accuser.text == "Petrov"
    assert one("Oldland state media report that the volunteers are paying residents to take part in the filming "
               "of a staged chemical incident.").accuser.text == "Oldland state media"
    assert one("The Oldland military has obtained information that rebel units are preparing to simulate a chemical "
               "attack near Marrow.").accuser.text == "The Oldland military"


def test_partners_named_with_together_with_on_the_clause_are_co_accused_the_speakers_are_not():
    assert texts(one("The ministry warned that Oldland forces are plotting, together with rebel remnants, a chemical "
                     "hoax in Marrow.").accused) == ["Oldland forces", "rebel remnants"]
    assert texts(one("Moscow said the incident in Marrow was a hoax orchestrated by the volunteers together with "
                     "Nusra fighters.").accused) == ["the volunteers", "Nusra fighters"]
    assert texts(one("Rebels faked the chemical attack, the minister said together with his deputy.").accused) == \
        ["Rebels"]


def test_a_wire_dateline_with_a_double_dash_or_an_agency_is_no_location():
    f = one("MARROW, May 27 (Agency) -- The government said armed groups had carried out the massacre in Bellville "
            "and then attributed it to the army.")
    assert texts(f.locations) == ["Bellville"]


@pytest.mark.parametrize("text", [
    "Marrow: a theatrical production put on by the security service for Western cameras",
    "Saboteurs in Oldland uniforms will shell the villages so that Newland is blamed.",
    "Border guards prepare mock “Newlandish” sabotage at the crossing.",
    "Oldland troops fired their own Tochka-U at the station to blame Newland.",
    "“Everything in this story was directed like a play by the secret services,” she said.",
    "The operation was designed from the start so that the Newland army would be held responsible.",
    "The blogger was poisoned by his own handlers so that the government would take the blame.",
    "Police reopened the trenches for foreign film crews and laid out bodies brought from other districts.",
    "The regime intends to pass off the blast as the detonation of a Newlandish warhead.",
    "The air force bombed Marrow over a gas attack the volunteers acted out in Bellville.",
    "Oldland orchestrated the 'Newlandish' attack on the tanker to rally its allies.",
    "The rebels intend to mock up an air raid on a school to incriminate the army.",
    "Children in the rescue group's gas attack videos are always paid actors.",
    "The volunteers are recruiting children in the camps to play victims of a gas attack.",
    "Similar scenarios were staged by the rebels in Marrow in 2017, the sources recalled.",
    "The ministry said the massacre in Marrow had been choreographed by the same group.",
    "Jihadists were preparing to film a simulated gas attack on civilians.",
    "Officials hired gunmen so that the massacre would be attributed to the rebels.",
    "Artillery would fire on homes in Marrow and the blame would then be placed on Newland units.",
    "Belgrade said the fighters had collected their dead, dressed them in civilian clothes and laid them in a "
    "ravine.",
])
def test_session_12_second_round_phrasings_are_frames(text):
    assert len(extract_frames(text)) == 1


@pytest.mark.parametrize("text", [
    "The school put on a production directed by the drama teacher.",
    "They recruited volunteers to play victims in the civil defence drill.",
    "The hospital trained nurses to play patients for the exam.",
    "The critics said the film was directed like a play.",
    "Newland media called it the 'Oldlandish' aggression.",
    "He passed off the fire as an accident to his insurer.",
    "The children in the play are actors from the local school.",
    "After the attack on his school, the boy acted out in class.",
    "Oldland's drone strikes on Marrow are a provocation against Newland forces.",
    "The ministry called the attack a flagrant aggression and a provocation that threatened stability.",
    "The ministry warned against military intervention under fabricated pretexts.",
    "The army filmed a training exercise that simulated a gas attack.",
])
def test_session_12_second_round_look_alikes_are_no_frames(text):
    assert extract_frames(text) == []


def test_an_event_with_no_named_doer_called_a_provocation_against_someone_is_still_a_frame():
    assert len(extract_frames("The events at the Capitol were a provocation against the president.")) == 1


def test_time_of_a_perfect_passive_a_guessed_relation_and_no_pronoun_blame_target():
    assert one("The Marrow poisoning may have been planned by the West to impose sanctions on Oldland.").time == "past"
    assert one("The Skripal setup may be related to the success of the space programme.").time == "past"
    assert one("A false flag incident may be used to drag the country into war.").time == "future"
    assert texts(one("The secret services planned to kill the pilot and blame it on the rebels.").blame_target) == \
        ["the rebels"]
    assert one("The secret services planned to kill the pilot and blame it…").blame_target == ()


def test_a_fake_picture_with_no_event_and_no_one_blamed_is_no_frame():
    assert extract_frames("The senator posed for a fake speechwriting photograph at a desk.") == []
    assert len(extract_frames("Investigators used a fake video to show the missile had come from Oldland.")) == 1


def test_harm_then_presented_as_victims_of_another_side():
    f = one("The guards shell the depot and then present the resulting leak as the consequence of careless Newlandish "
            "soldiers.")
    assert f.time == "unspecified" and texts(f.accused) == ["The guards"]
    assert len(extract_frames("The police beat the protesters and presented them as victims of Newlandish "
                              "provocateurs.")) == 1
    assert extract_frames("The boy was beaten at school and presented as a victim of bullying.") == []


@pytest.mark.parametrize("text", [
    "The guards intend to kill several migrants at the checkpoint and film the bodies as victims of Newlandish "
    "soldiers.",
    "The incident in Marrow was a theatrical scene directed by the rescue group.",
    "The regime is plotting to attack Oldland interests in Marrow and pin the responsibility on Newland.",
    "A strike on the storage facility is being planned for the coming days, with the aim of accusing Oldland.",
    "The other side is planning to use firearms against the refugees and then present the casualties as the result "
    "of actions by Newlandish servicemen.",
    "The plan is to blow up the containers, film the consequences and present them to the international community "
    "as evidence of the use of chemical weapons by the Oldland army.",
    "Armed groups are preparing, in coordination with foreign forces, a chemical scenario to be blamed on the army.",
    "The aim of the operation was to cause casualties among demonstrators and then to blame the police.",
    "They want to shed the blood of innocent people in order to blame the army, he said.",
    "Oldland intends to produce a propaganda video with corpses, actors playing mourners and ruined houses.",
])
def test_session_12_third_round_phrasings_are_frames(text):
    assert len(extract_frames(text)) == 1


@pytest.mark.parametrize("text", [
    "The soldiers shed blood to defend the city and to turn the tide against the invaders.",
    "The film features actors playing victims of the war.",
    "The police used firearms against the protesters to disperse the crowd.",
    "The attack is being planned to coincide with the summit.",
    "The claim is part of a recurring narrative about Western-backed false flag operations in Marrow.",
    "The claim is part of a recurring pro-Oldland narrative about staged chemical attacks in Marrow.",
])
def test_session_12_third_round_look_alikes_are_no_frames(text):
    assert extract_frames(text) == []


def test_probe_28_phrasings_and_look_alikes():
    f = one("“Rebels, together with the volunteers, intend to film scenes of civilian casualties in the village of "
            "Marrow,” he said.")
    assert texts(f.accused) == ["Rebels", "the volunteers"] and f.time == "future"
    assert len(extract_frames("The rebels are preparing to use the gas and then accuse the army of a chemical "
                              "attack.")) == 1
    assert extract_frames("The director plans to film scenes of daily life in the village.") == []
    assert extract_frames("The Marrow protests were a Western-backed provocation against the state.") == []
    assert extract_frames("Washington says Moscow spreads false flag claims to shield its ally.") == []


# ---- session 12 review: misreadings the session's rules brought, found by a reviewer's own sentences

@pytest.mark.parametrize("text", [
    "Police laid out the bodies recovered from the rubble for journalists in the village square.",
    "The bodies of the dead soldiers were placed in front of the cameras by state television.",
    "The opposition leader held a press conference for the media to accuse the government of election fraud.",
    "The strike, performed by two Su-34 bombers, destroyed an ammunition depot near Marrow, the ministry said.",
    "The teacher described the scenes her pupils acted out in drama class.",
    "The fight scenes were choreographed by a Hong Kong stunt coordinator.",
    "The museum displays a mock-up of the 1941 attack on Pearl Harbor.",
    "The festival opens with a theatrical scene directed by a famous director.",
    "The story is directed like a movie, with long tracking shots.",
    "Archaeologists found sacred sacrifices at the temple site.",
    "Fuel tankers were moved to the border for staging ahead of the exercise.",
    "The museum's video uses actors playing victims of the siege.",
    "Local villagers were offered cash to play dead civilians in the war film.",
    "The charity paid young actors to play crash victims for its video.",
    "Police recorded fewer incidents to be blamed on drunk drivers this year.",
    "The insurgents attacked the convoy to turn the villagers against the occupiers.",
    "Doctors carried out autopsies and then attributed the deaths to heart failure.",
    "The faulty heaters caused deaths in two schools, and parents rushed to blame the manufacturer.",
    "Rockets struck the city again overnight, so the army is blamed by residents for failing to protect it.",
    "The women had been beaten by the gang and were presented as victims of human trafficking at the trial.",
    "The regulators changed the rules so that the deaths would be attributed to natural causes.",
    "The plan was designed so that no single minister could be blamed for the cuts.",
    "A general strike is being prepared by the unions to discredit the reform, the minister claimed.",
])
def test_session_12_review_misreadings_are_no_frames(text):
    assert extract_frames(text) == []


def test_session_12_review_slots():
    assert texts(one('The chemical attack in Marrow was staged by "Azov", the ministry said.').accused) == ["Azov"]
    assert texts(one("The rebels staged the chemical attack in Marrow, killing dozens of soldiers along with their "
                     "commanders.").accused) == ["The rebels"]
    assert texts(one("Oldland staged the attack in Marrow to blame Newland, which it accuses of working together "
                     "with the rebels.").accused) == ["Oldland"]
    assert one("A provocation with chemical weapons has been prepared by the rebels in Marrow, the ministry "
               "said.").time == "future"
    assert one("In April 2018 the volunteers were filming a staged chemical attack in Marrow, the channel "
               "claimed.").time == "past"
    assert len(extract_frames("The ministry said the rebels' chemical incident in Marrow was a planned provocation "
                              "against the capital and a criminal act aimed at discrediting the government.")) == 1


@pytest.mark.parametrize("text", [
    "Marrow snipers were hired by the opposition to blame the president for the bloodshed",
    "The guards intend to move the bodies of migrants onto Newlandish territory and then present them to the media "
    "as victims of Newlandish border guards.",
    "“What took place in Marrow was a theatrical scene produced by the rescue group,” the envoy said.",
    "Men with cameras entered the hospital and poured water on the children in order to film them.",
    "The rebels had staged the attack themselves in order to drag the West into a military intervention.",
    "“Everything points to a carefully planned operation by the secret services, designed in advance to put the "
    "blame on Oldland,” she said.",
])
def test_probe_29_and_30_phrasings_are_frames(text):
    assert len(extract_frames(text)) == 1


@pytest.mark.parametrize("text", [
    "The operation team designed the app so that nobody could be blamed for the outage.",
    "The gardener poured water on the children to cool them down.",
    "In the school play the pupils play the victims and the doctors.",
])
def test_probe_29_and_30_look_alikes_are_no_frames(text):
    assert extract_frames(text) == []


# ---- session 12, second review: look-alikes of the last rules, from a reviewer's own sentences

@pytest.mark.parametrize("text", [
    "Everything in the new budget was designed so that voters would blame the previous government for the cuts.",
    "The strikes were timed so that commuters would blame the union rather than the rail company.",
    "Everything about the launch was prepared so that nobody would blame the engineers.",
    "What happened on stage last night was a theatrical scene of rare beauty, the critic wrote.",
    "The gunmen were hired by a rival gang to discredit the mayor's crackdown.",
    "Snipers were brought in by the army to protect the summit, but critics were quick to blame the police.",
    "Police moved the corpses out of the river and presented them to the media as victims of the trafficking gang.",
    "Volunteers poured cold water on the residents in the heat wave, and reporters came to film the scene.",
    "In the drill, volunteers will play the victims and film the aftermath to train paramedics.",
    "In the disaster drill, the \"victims\" were played by medical students.",
    "The union staged the strike to drag the government into talks.",
])
def test_session_12_second_review_look_alikes_are_no_frames(text):
    assert extract_frames(text) == []


# Session 13: real texts annotated blind (rev13a-d) and blind probe 31. Each rule with a near miss.
def test_a_propaganda_video_of_an_alleged_event_made_by_someone():
    f = one("The volunteers created the propaganda video of the alleged gas attack in Dornik.")
    assert texts(f.accused) == ["The volunteers"] and f.event_type == "chemical_attack"
    assert extract_frames("Reporters filmed a video of the alleged beating outside the Dornik station.") == []


def test_harm_done_under_the_name_of_another_side():
    f = one("It was the agency which, under the pretext of 'Oldlandian hackers', broke into the vote count.")
    assert texts(f.blame_target) == ["Oldlandian hackers"]
    assert extract_frames("Two men entered the Dornik base under the guise of Oldlandian tourists.") == []


def test_a_crisis_actor_at_a_photo_opportunity_is_no_staged_attack():
    assert extract_frames("The girl was used as a 'crisis actor' for the governor's hospital visit after the "
                          "Dornik shooting.") == []
    assert len(extract_frames("The girl interviewed after the Dornik shooting is a crisis actor.")) == 1


def test_happenings_staged_only_in_the_sense_of_faked():
    f = one("The agency plans to stage a blackout in Dornik and present it as a cyberattack by Oldlandian hackers.")
    assert texts(f.blame_target) == ["Oldlandian hackers"] and f.time == "future"
    f = one("The ministry intended to stage an outbreak of a dangerous infection in Dornik and blame it on the army.")
    assert texts(f.blame_target) == ["the army"]
    assert extract_frames("Dock workers staged a protest outside the Dornik plant.") == []
    assert extract_frames("The students staged a play about the Dornik crash.") == []


def test_bodies_laid_out_for_arriving_journalists_and_scenes_prepared_by_a_service():
    f = one("The bodies were laid out on the street by Oldland officers only once the journalists arrived, she said.")
    assert texts(f.accused) == ["Oldland officers"] and f.time == "past"
    f = one("Bodies from the morgue are to be laid out along the road before foreign journalists arrive, the channel "
            "claims.")
    assert f.time == "future" and f.accused == ()
    f = one("The scenes were prepared by Oldland special services on the instructions of their foreign curators.")
    assert texts(f.accused) == ["Oldland special services"] and texts(f.helpers) == ["their foreign curators"]
    assert extract_frames("The bodies were laid out in the morgue before the relatives arrived.") == []
    assert extract_frames("The scenes were prepared by the set designer of the Dornik theatre.") == []


def test_players_brought_in_and_victims_in_scare_quotes():
    f = one("He added that children from an orphanage had been brought in to play the victims.")
    assert f.accused == ()
    assert extract_frames("Actors were hired to play the victims in the Dornik evacuation drill.") == []
    assert len(extract_frames("Dornik hospital strike: 'pregnant women' were actresses, the embassy says")) == 1
    f = one("The footage shows “victims” receiving help from volunteers after an alleged air raid by Oldland "
            "aircraft.")
    assert texts(f.blame_target) == ["Oldland aircraft"]
    assert extract_frames("The footage shows victims receiving help from volunteers after the air raid.") == []


def test_a_fake_attempt_on_a_life_and_a_chemical_show_readied_by_a_stager():
    f = one("Her foreign curators are preparing a fake attempt on her life with the help of Oldland services.")
    assert texts(f.accused) == ["Her foreign curators"] and texts(f.helpers) == ["Oldland services"]
    # "a script written in advance" was tried and dropped: commentary on votes and trials reads the same
    assert extract_frames("The parliamentary vote played out like a script written in advance.") == []
    assert extract_frames("The science centre is preparing a chemical show for children in Dornik.") == []
    f = one("Volunteers preparing chemical show in Dornik on orders of foreign handlers")
    assert f.event_type == "chemical_attack" and texts(f.helpers) == ["foreign handlers"]
    assert extract_frames("Students watched a chemical show at the Dornik science museum.") == []
    assert extract_frames("There was an attempt on his life in Dornik last year.") == []


def test_evidence_cited_not_an_accuser_and_helpers_and_blame_in_other_words():
    f = one("The ministry: according to intercepted radio traffic, militants are preparing to fake a chlorine strike "
            "in Dornik")
    assert f.evidence is not None and f.evidence.text == "according to intercepted radio traffic"
    assert texts(f.accused) == ["militants"]
    f = one("Bodies are to be laid out along the roads before foreign journalists arrive, the channel claims, citing a "
            "source in the Oldland army.")
    assert f.evidence is not None and f.evidence.text == "citing a source in the Oldland army"
    f = one("Oldland saboteurs, with help from Marrow, plan a staged attack on the Dornik depot")
    assert texts(f.accused) == ["Oldland saboteurs"] and texts(f.helpers) == ["Marrow"]
    f = one("“We have information that the Oldlandian side intends to open fire on the migrants and then present the "
            "victims as casualties of actions by Newlandian border guards,” the committee said.")
    assert texts(f.blame_target) == ["Newlandian border guards"] and f.evidence.text == "We have information"


def test_a_staged_thing_restated_only_for_its_purpose_is_no_second_frame():
    text = ("The ministry warned that the rebels are preparing a staged attack in Dornik. "
            "The ministry said the staged attack would serve as a pretext for the army to enter the region.")
    assert len(extract_frames(text)) == 1
    alone = "The ministry said the staged attack would serve as a pretext for the army to enter the region."
    assert len(extract_frames(alone)) == 1  # with no frame before it, it is the frame
    again = ("The ministry warned that the rebels are preparing a staged attack in Dornik. "
             "The staged attack, prepared by foreign instructors, would serve as a pretext for an invasion.")
    assert len(extract_frames(again)) == 2  # a new participant: a frame of its own


def test_an_order_from_someone_in_another_clause_is_no_helper():
    f = one("Air defences were put on alert on the orders of the president, who heard that the agency is preparing "
            "a staged attack in Dornik to accuse the republic.")
    assert texts(f.helpers) == []
    f = one("The militants are preparing a provocation in Dornik on the orders of their foreign handlers.")
    assert texts(f.helpers) == ["their foreign handlers"]


def test_coordinated_adjectives_of_one_noun_are_two_accused():
    # Session 13: both blind readers who met "Turkish and Crimean Tatar fighters" gave two values.
    f = one("Georgian and Chechen fighters will arrange provocations in Dornik.")
    assert texts(f.accused) == ["Georgian", "Chechen fighters"]


# Session 13 review of the rules above: ordinary sentences they first misread (each now a test).
@pytest.mark.parametrize("text", [
    "Oldland forces raided the clinic under the pretext of Newlandian militants hiding there, the ministry said.",
    "The army pushed into Dornik under the cover of Oldlandian forces, state media said.",
    "Health officials warned of fake vaccines sold during the measles outbreak in Dornik.",
    "The clinic staged a simulated flu outbreak in Dornik to train its staff.",
    "The museum is planning a new chemical show with liquid nitrogen for the summer.",
    "The bodies were brought to the Dornik morgue before reporters arrived.",
    "Volunteers were recruited to play casualties during Saturday's major incident simulation at Dornik airport.",
    "Nursing students were hired to play the patients at the Dornik hospital's training day.",
    "The parliamentary vote in Dornik played out like a script written in advance.",
    "The group produced a propaganda video of the alleged spies being paraded in Dornik.",
    "The film depicts a fake attempt on the king's life that goes wrong.",
    "The ‘mothers’ are professional actresses, the producers of the Dornik reality show said.",
    "The video shows \"victims\" of the Dornik flood, a word the agency uses for the displaced.",
    "Crews staged a simulated train derailment near Dornik for the emergency services.",
])
def test_review_13_ordinary_sentences_are_no_frames(text):
    assert extract_frames(text) == []


def test_review_13_slots_kept():
    f = one("Moscow says the staged attack by the volunteers in Dornik was meant to provoke Western strikes.")
    assert texts(f.accused) and not f.blame_target  # the stagers named by "by" stay the accused
    f = one("Militants under the cover of Oldlandian troops are preparing a chemical provocation in Dornik.")
    assert texts(f.accused) and not f.blame_target
    f = one("The army will stage an attack on its own troops and present it as an attack by Newland on its territory.")
    assert texts(f.blame_target) == ["Newland"]
    f = one("The footage shows “victims” washed down by volunteers after the alleged gas attack by Oldland aircraft.")
    assert f.accuser is None  # "alleged" before a noun is no verb of saying


# Blind probe 32 (0.81 frame F1 at first sight): its phrasings, in sentences written for these tests.
def test_probe_32_phrasings():
    f = one("The downing of the airliner was prepared in advance by Oldland security services to blame Newland.")
    assert texts(f.accused) == ["Oldland security services"] and texts(f.blame_target) == ["Newland"]
    f = one("The Oldland service regularly stages 'Newlandian shelling' of homes in Dornik for foreign journalists.")
    assert texts(f.accused) == ["The Oldland service"]
    f = one("The footage is a performance prepared in advance, with bodies laid out along the road for the cameras.")
    assert f.event_type == "massacre"
    f = one("The plan was to fire on migrants while dressed as Newlandian border guards and to film it for television.")
    assert f.accused == ()
    assert extract_frames("Gunmen attacked the checkpoint while dressed as Newlandian police officers.") == []
    f = one("For this purpose, Oldlandian servicemen dressed in the uniform of the Newlandian army are to be used.")
    assert texts(f.accused) == ["Oldlandian servicemen"] and f.time == "future"
    f = one("“The West works hand in hand with the terrorists, and together they invented this whole story to get a "
            "pretext for the strike,” the president said.")
    assert f.accuser is not None and f.accuser.text == "the president"
    f = one("A film crew from the volunteers began rehearsing scenes of rescuing ‘victims’ with local children.")
    assert texts(f.accused) == ["A film crew from the volunteers"]
    f = one("The minister said the operation had been planned with the support of foreign officials as a show for "
            "international television.")
    assert texts(f.helpers) == ["foreign officials"]
    f = one("The spokesman called the whole affair “a carefully planned set-up against Newland”.")
    assert texts(f.blame_target) == ["Newland"]
    f = one("Moscow asked for a meeting over what it called the “criminal provocations of Oldlandian servicemen” in "
            "Bucha.")
    assert texts(f.accused) == ["Oldlandian servicemen"]
    f = one("He said the staged shelling was prepared in advance with the participation of foreign instructors.")
    assert texts(f.helpers) == ["foreign instructors"]
    assert extract_frames("Chemical defence units practised decontaminating vehicles after a simulated chemical "
                          "attack on a command post.") == []
    assert extract_frames("The minister called the new tax a set-up against small businesses.") == []
    assert extract_frames("The opposition protested against what it called provocations by the police.") == []
    assert extract_frames("The theatre's new show was prepared in advance by the director.") == []


# Second review (of 37cd79f) and blind probe 33 (0.88 frame F1 at first sight).
@pytest.mark.parametrize("text", [
    "Critics dismissed the Dornik summit as a show for the cameras.",
    "The police raid on the warehouse was carried out as a show for the television cameras, critics said.",
    "The president condemned the provocations of Oldlandian forces near civilian settlements in Dornik.",
    "The spokesman said the newspaper had fabricated the story and that there was no justification for it.",
    "The bodies were laid out in a row for the press to see, officials said.",
    "Investigators said the attack on the Dornik synagogue had been prepared in advance to hide the gunman's weapons.",
    "Gunmen killed five people at the Dornik checkpoint while dressed as Oldlandian police officers.",
    "Oldlandian militants dressed in the uniform of the Newlandian army infiltrated the village.",
    "The exercise simulated a 'Newlandian attack' on the port of Dornik.",
    "The opposition leader called his arrest a set-up by the military.",
    "Students began rehearsing scenes of rescuing ‘victims’ for the Dornik earthquake drill.",
    "Their second goal was a set play rehearsed beforehand.",
])
def test_review_13b_ordinary_sentences_are_no_frames(text):
    assert extract_frames(text) == []


def test_review_13b_real_frames_kept():
    assert len(extract_frames("The volunteers practised simulating a chemical attack with local children to blame "
                              "the army.")) == 1
    assert len(extract_frames("Militants who practised in foreign camps staged a mock chemical attack in Dornik.")) == 1
    assert extract_frames("Troops practised their response after a simulated gas attack on the base.") == []
    f = one("The White Helmets staged the attack and presented it as a strike by Oldlandian helicopters, the TV said.")
    assert f.trigger.text == "staged" and texts(f.blame_target) == ["Oldlandian helicopters"]


def test_probe_33_phrasings():
    f = one("Lavrov: Dornik Station Strike Was A Newland Provocation To Pin Blame On Oldland")
    assert f.accuser is not None and f.accuser.text == "Lavrov" and texts(f.blame_target) == ["Oldland"]
    f = one("“The terrorists and those behind them staged this theatre to blame the state,” he said.")
    assert texts(f.blame_target) == ["the state"]
    assert extract_frames("The company staged a new show to mark the anniversary.") == []
    f = one("The military warned about provocations with toxic substances by militants in Dornik.")
    assert f.event_type == "chemical_attack"
    f = one("The committee chairman said the alleged poisoning was a carefully planned operation by foreign agencies "
            "aimed at provoking new sanctions.")
    assert texts(f.accused) == ["foreign agencies"]
    f = one("Oldland services plan to film a mass killing of civilians in Dornik and present it as a crime committed "
            "by Newland soldiers.")
    assert texts(f.blame_target) == ["Newland soldiers"] and f.time == "future"
    f = one("Envoy: “hospital bombings” in east Dornik filmed by volunteers on sets")
    assert f.accuser is not None and f.accuser.text == "Envoy"
    assert extract_frames("The documentary about the strike was filmed on a set in Leeds.") == []
    assert len(extract_frames("He said the same ‘victims’ appeared in footage months apart, proving they were "
                              "actors.")) == 1
    assert extract_frames("The ministry described the incident as a ‘blatant provocation’ and a violation of the "
                          "convention.") == []


def test_a_happened_event_called_a_planned_provocation_is_past():
    f = one("The embassy described the Dornik incident as a carefully planned provocation by the services.")
    assert f.time == "past"
    f = one("The ministry called the footage from Dornik a staged provocation meant to torpedo the talks.")
    assert f.time == "past"
    f = one("The ministry warned that the rebels are planning a provocation in Dornik.")
    assert f.time == "future"


# Blind probe 34 (0.95 / 0.77 / 0.85 at first sight, on 7fa36c3): its phrasings in sentences of our own.
def test_probe_34_phrasings():
    f = one("Foreign agents were preparing to attack civilians near Dornik while dressed as Newlandian border guards "
            "and to film it.")
    assert texts(f.blame_target) == ["Newlandian border guards"] and f.time == "future"
    f = one("Oldland forces fired rockets at the Dornik prison in a bloody provocation intended to pin the deaths on "
            "Newland, the ministry said.")
    assert texts(f.blame_target) == ["Newland"]
    f = one("Marrow could stage an attack on its own soil to trigger Article 5…")
    assert f.time == "future"
    f = one("She added that foreign agencies could have organised the poisoning themselves.")
    assert texts(f.accused) == ["foreign agencies"]
    f = one("Oldland is preparing to set off a dirty bomb on its territory and then accuse Newland, Marrow warned.")
    assert texts(f.blame_target) == ["Newland"]
    f = one("He warned that Oldland could stage a leak of pathogens from one of the labs and blame it on Newland.")
    assert texts(f.blame_target) == ["Newland"]
    f = one("He said the timing of the attack suggested the rebels had staged it to pin the blame on the government.")
    assert texts(f.accused) == ["the rebels"] and texts(f.blame_target) == ["the government"]
    f = one("The cylinders were placed there by hand, which, according to the outlet, shows that the White Helmets "
            "staged the chemical attack.")
    assert f.accuser is not None and f.accuser.text == "the outlet"
    assert extract_frames("Newlandian troops simulate a chemical attack during Oldland drills") == []
    assert extract_frames("The president's assault on Dornik was a provocation ordered by Marrow") == []
    assert extract_frames("The engineers set off the alarm to test the Dornik system.") == []
    assert extract_frames("The police set up the scene for the Dornik parade.") == []
    assert extract_frames("The band staged it to please the fans.") == []
    assert extract_frames("Gunmen attacked the Dornik checkpoint while dressed as Newlandian soldiers.") == []


# Third review (of 70e9284..68966e8): ordinary sentences the probe-34 rules first misread.
@pytest.mark.parametrize("text", [
    "Seoul called the missile launch a provocation and urged Beijing to blame Pyongyang publicly.",
    "The rebels said they had carried out the attacks on Dornik themselves.",
    "The unions organised the strikes themselves after the talks collapsed.",
    "Gunmen killed three civilians in Dornik on Tuesday while dressed as Oldlandian police officers.",
    "The minister set off on a tour of European capitals to shift the blame for the gas crisis onto Marrow.",
    "The National Theatre staged it last spring, and critics were quick to blame the director.",
    "Police said the militants set up the scene of the ambush with roadside bombs.",
])
def test_review_13c_ordinary_sentences_are_no_frames(text):
    assert extract_frames(text) == []


def test_review_13c_real_frames_and_slots_kept():
    f = one("The militants are preparing to simulate a chemical attack at a training camp in Dornik, the ministry said.")
    assert f.time == "future"
    f = one("Militants dressed as volunteers staged the chlorine attack in Dornik, the ministry claims.")
    assert not f.blame_target
    f = one("Moscow described a strike on the Dornik plant, which Oldland is preparing for next week, as a planned "
            "provocation to blame Marrow.")
    assert f.time == "future"


# Blind probe 35 (0.96 / 0.85 / 0.90 at first sight on 5a2852a): three of its phrasings, fixed after scoring.
def test_probe_35_phrasings():
    f = one("Dornik station strike: the Oldland army fired its own missile to accuse Newland of killing civilians")
    assert texts(f.accused) == ["the Oldland army"] and texts(f.blame_target) == ["Newland"]
    f = one("The military plans to drop ammunition with nuclear waste so that the contamination can later be blamed on "
            "Newland, he said.")
    assert texts(f.blame_target) == ["Newland"] and f.time == "future"
    assert len(extract_frames("“The whole story was staged from the very beginning in order to justify the sanctions,” "
                              "she said.")) == 1
    assert extract_frames("The army fired its own artillery at the range to test the new fuses.") == []
    assert extract_frames("Planes dropped bombs on the city to force the rebels out.") == []
    assert extract_frames("The whole story was fabricated by the tabloid to justify its headline.") == []


def test_a_simulated_attack_put_on_the_other_side_is_a_frame_and_by_names_the_blamed():
    f = one("The governor said that Belarusian saboteurs had hidden charges at the depot in order to simulate "
            "a rocket strike on the town by the Lithuanian army.")
    assert texts(f.accused) == ["Belarusian saboteurs"]
    assert texts(f.blame_target) == ["the Lithuanian army"]
    assert f.accuser is not None and f.accuser.text == "The governor"


@pytest.mark.parametrize("text", [
    "During the drill the cadets set off flares in order to simulate an artillery strike by enemy troops.",
    "The engineers lit smoke pots in order to simulate a fire in the tunnel.",
    "Estonian reservists fired blanks in order to simulate an assault by Estonian special forces.",
])
def test_a_simulation_without_two_named_sides_is_no_frame(text):
    assert extract_frames(text) == []


def test_probe_36_phrasings():
    f = one("Militia commanders laid out corpses in Kherson to pin massacre on Ukrainian marines.")
    assert texts(f.accused) == ["Militia commanders"] and texts(f.blame_target) == ["Ukrainian marines"]
    assert f.event_type == "massacre"
    f = one("The attempted poisoning of the dissident Ivan Orlov looks like a well prepared operation by foreign "
            "spies to frame the Kremlin, the minister said.")
    assert f.time == "past" and texts(f.blame_target) == ["the Kremlin"]
    assert texts(f.accused) == ["foreign spies"]
    f = one("The jihadists intend to fake a chlorine leak near Binnish.")
    assert f.event_type == "chemical_attack" and f.time == "future"
    f = one("Medics linked to the rebels were ordered to act out the treatment of gassed villagers in front of "
            "the cameras.")
    assert f.event_type == "chemical_attack"
    f = one("Bloggers wrote that the rescuers used local children as props in a scene set up to blame the "
            "government army.")
    assert texts(f.blame_target) == ["the government army"]
    f = one("The separatist side has moved the bodies of its fallen fighters to Horlivka so that they can be "
            "filmed as civilian victims.")
    assert texts(f.accused) == ["The separatist side"]
    f = one("The rebels will shell their own villages so that the blame falls on the national guard.")
    assert texts(f.blame_target) == ["the national guard"]


@pytest.mark.parametrize("text", [
    "The company faked a press release about the chemical plant.",
    "The students acted out the rescue of a drowning child during the first-aid course.",
    "The children acted out the attack on Pearl Harbor in the school play.",
    "The photographer used a scene set up to show the new autumn collection.",
    "The bodies were moved to the morgue so that they can be shown as soon as possible to the families.",
    "The undertakers laid out the bodies in the hall so that relatives could say goodbye.",
    "The plant staged a chlorine leak drill for the fire brigade.",
])
def test_probe_36_look_alikes_are_no_frames(text):
    assert extract_frames(text) == []


def test_a_progressive_headline_is_under_way_and_opinion_turned_against_someone_is_blamed():
    f = one("Rebel medics filming fake aftermath of shelling on Kafr Nabl school to pin it on Russian gunners")
    assert f.time == "future"
    f = one("Rebel medics' shelling of Kafr Nabl school a provocation by the insurgents")
    assert f.time != "future"  # a verbless title about a shelling: no progressive verb
    f = one("The coalition claimed that the rebels arranged the bodies of their own dead at a market in Hodeidah to "
            "fake a massacre and turn world opinion against Abu Dhabi.")
    assert texts(f.blame_target) == ["Abu Dhabi"]
    assert "Abu Dhabi" not in texts(f.locations)


def _no_frame_sentences(name: str) -> list[str]:
    """The ordinary sentences a review wrote that give no frame (tests/data/allegations/NAME_no_frames.txt)."""
    path = Path(__file__).parent.parent / "data" / "allegations" / f"{name}_no_frames.txt"
    return [line.strip() for line in path.read_text("utf-8").splitlines() if line.strip() and not line.startswith("#")]


# every review's ordinary sentences, each file a review of sessions 14 and 15 (its own words, no frames expected)
_REVIEWS = ("review14a", "review14b", "review14c", "review14d", "review15a", "review15b", "review15c", "review15d",
            "review16a", "review16b", "review16c", "review16d", "review16e")


@pytest.mark.parametrize("text", [pytest.param(text, id=f"{name}-{i}") for name in _REVIEWS
                                  for i, text in enumerate(_no_frame_sentences(name))])
def test_reviews_ordinary_sentences_are_no_frames(text):
    assert extract_frames(text) == []


def test_review_14a_true_variants():
    f = one("Russian troops placed explosives near the station to simulate shelling by the Ukrainian army, the SBU said.")
    assert texts(f.accused) == ["Russian troops"] and texts(f.blame_target) == ["the Ukrainian army"]
    f = one("The rebels plan to simulate a chemical attack by dawn in Idlib.")
    assert texts(f.blame_target) == []  # a time, not a side
    f = one("The rebels will shell their own villages so that the blame falls on the shoulders of Russian troops.")
    assert texts(f.blame_target) == ["Russian troops"]
    f = one("The explosion seems to have been a plot by Kyiv to blame Moscow, the ministry said.")
    assert f.time == "past"
    f = one("The scene was set up to pin the attack on Damascus, Russian diplomats said.")
    assert texts(f.blame_target) == ["Damascus"]


def test_probe_37_and_38_phrasings():
    cases = [
        "The ministry said foreign instructors are teaching the fighters how to mimic the symptoms of sarin exposure.",
        "Commentators called the whole affair a piece of theatre produced by the Dutch services to discredit Moscow.",
        "The embassy said London invented the poisoning story to justify new sanctions.",
        "The minister said in Caracas that the blaze had been a show put on for the foreign press by gangs paid by the opposition.",
        "The minister in Caracas said the fire had been a set-up by the opposition camp, designed to justify an "
        "intervention.",
        "Belgrade insisted the Kelmend killings were a set piece arranged to hand NATO a pretext.",
        "Serbian archives show how the Kelmend scene was prepared for the cameras.",
        "Border officers are preparing a scenario with dead migrants for Western television crews, the committee said.",
        "The army said the mercenaries buried bodies near the base in order to make it appear that Dutch troops had "
        "committed a massacre.",
        "The ministry said the separatists are manufacturing an incident near the bridge.",
        "The navy said enemy services are planning attacks on tankers and intend to leave forged evidence pointing to "
        "Tehran.",
        "Posts claim that the aftermath of the strike on the clinic was acted out by hired performers.",
        "Officials said the nationalists had set up the whole scene to stir up anti-Russian feeling.",
        "The army said the occupiers had mined the school and that the explosion was designed to look like a rocket "
        "strike.",
        "The ministry said the photos from Irpin were 'another production of the Kyiv regime' for Western media.",
        "Channels claimed that special forces had brought corpses in by truck and laid them out on the main street "
        "after the Russians left.",
        "The army accused the militia of moving the bodies of its own fighters into a square and filming them as "
        "civilian victims of an air strike.",
        "The colonel said Western services could have administered the poison to the blogger themselves in order to "
        "create a pretext for sanctions.",
        "The paper said the blast at the dam was a put-up job by the border police to blame Belgrade.",
        "The junta said images of executed herders had been doctored by foreign media to tarnish the army.",
        "Latvian special services concocting an act of sabotage at the port to be pinned on Russia",
        "Militiamen laid out the bodies of the fallen at the crossroads to pin the killings on the army.",
    ]
    for text in cases:
        assert len(extract_frames(text)) == 1, text


@pytest.mark.parametrize("text", [
    "The photos of the minister were doctored to discredit him, his office said.",
    "Rebels staged a raid on the depot at dawn.",
    "Critics dismissed the Dornik summit as a show for the cameras.",
    "The director set up the whole scene to stir up emotions in the audience.",
    "Police moved the corpses out of the river and presented them to the media as victims of the trafficking gang.",
    "Sabotage, imitation and profanity: what the delegation did at the talks",
])
def test_probe_37_and_38_look_alikes_are_no_frames(text):
    assert extract_frames(text) == []


def test_a_dateline_with_a_day_first_date_or_two_cities_is_no_place_and_no_accused():
    f = one("PARIS, 22 April (Agency) – The French army said on Friday that Russian mercenaries had buried bodies "
            "near the base in order to make it appear that French troops had committed a massacre.")
    assert texts(f.locations) == [] and texts(f.accused) == ["Russian mercenaries"]
    f = one("RIGA/VILNIUS (Wire) - The ministry said the saboteurs will stage a chemical attack in Daugavpils.")
    assert "RIGA" not in " ".join(texts(f.locations))


def test_made_to_look_like_the_work_of_names_the_blamed():
    f = one("The ministry warned of Ukrainian sabotage at the bridge that would be made to look like the work of Moscow.")
    assert texts(f.blame_target) == ["Moscow"]


@pytest.mark.parametrize("text", [
    "Ukrainian authorities prepared a scenario with dead and injured for hospitals in case of a radiation leak.",
    "The Israeli prime minister cast Israeli children as victims of the Hamas attack in his speech.",
])
def test_review_14d_look_alikes_are_no_frames(text):
    assert extract_frames(text) == []


@pytest.mark.parametrize("text", [
    "The fireworks show put on for the foreign press by the organisers was cancelled because of rain.",
    "Investigators believe the restaurant blaze was a set-up by its owner, who was deep in debt.",
    "Polish firefighters placed smoke generators in the tunnel in order to simulate an attack by Belarusian forces.",
    "In the novel, the butler administered the poison to create a pretext for the inheritance dispute.",
    "British media set up the photo to provoke a debate about knife crime.",
    "The explosion in the film was designed to look like a missile strike.",
])
def test_the_context_patterns_need_a_side_and_no_fiction(text):
    assert extract_frames(text) == []


def test_review_14b_true_variants():
    cases = [
        "Researchers said the hackers left false evidence pointing to North Korea after the attack on the network.",
        "Serbian officials said the killings were a carefully staged set piece.",
        "The ministry said the scene of the attack was prepared in advance for the cameras by the militants.",
        "Belarus said Polish forces were preparing a scenario with civilian casualties to blame Minsk.",
        "Moscow said the blast at the dam was engineered to look like a Russian missile strike.",
        "Russian officials said the Kramatorsk station strike was a put-up job by the Ukrainian army to blame Russia.",
        "Russian media claimed the bodies were moved to the square and filmed as civilian victims of the Russian army.",
    ]
    for text in cases:
        assert len(extract_frames(text)) == 1, text
    f = one("Moscow said the militants were preparing a staged chemical attack against Kramatorsk.")
    assert texts(f.locations) == ["Kramatorsk"]


def test_probe_40_phrasings():
    f = one("The Transnistrian ministry warned of acts of sabotage that would be made to look like the work of Kyiv.")
    assert f.time == "future"
    f = one("The ministry warned that terrorist groups in Idlib are readying a repeat performance with chlorine in "
            "order to blame the Syrian Arab Army.")
    assert texts(f.blame_target) == ["the Syrian Arab Army"] and f.event_type == "chemical_attack"


@pytest.mark.parametrize("text", [
    "The make-up artist applied fake blood on the actors before the zombie film shoot.",
    "Critics said the fireworks were a production, not an attack on anyone's taste.",
    "The chef cooked up a new dish for the festival.",
    "Researchers tried to fool the network with a fake image of a panda.",
    "The company said the children were taught to feign sleep during the nap game.",
    "Azerbaijan is preparing a repeat performance with gas exports to Europe this winter, Baku officials said.",
    # hostile acts called provocations, nothing staged
    "Kurti has been carrying out provocations and terror against the Serb people for two years, Vucic said.",
    # a debunk: the clip is no evidence of staging
    "The video is a mannequin-challenge clip and is not evidence that rescues in Syria are faked.",
    "The referendum was a farce staged by the president on orders from Brussels.",
    "The whole story was set up by the company to sell more phones.",
    "The wedding video was staged to show the couple in a bad light, the tabloid said.",
    # review 15a's ordinary sentences in our own words
    "Students at the Syrian film school in Damascus learnt to film staged strikes safely for the cinema.",
    "The Hungarian prime minister said the whole story had been set up by his rivals in Budapest.",
    "The Brazilian senator said the whole affair was orchestrated by his political enemies.",
    "The whole story of the French resistance cell was staged by the national theatre as a three-act play.",
    "The Serbian president called the episode a provocation against Serbia and the Serbs of Kosovo.",
    "Reenactors dressed in the uniforms of the German army simulated the battle for the crowds.",
    "The Syrian army plans to stage an offensive near Idlib, while a chlorine leak at a factory was contained.",
    "The band is preparing a new show with chemical smoke effects for the Kyiv concert.",
])
def test_probe_40_look_alikes_are_no_frames(text):
    assert extract_frames(text) == []


def test_probe_41_to_43_phrasings():
    # my own sentences in the shape of the phrasings the three probes of session 15 found missing
    cases = {
        "Moscow warned that militants had brought chlorine to a village near Idlib, where they intend to stage the "
        "attack with the help of foreign advisers.": ("stage", "future"),
        "The ministry said jihadists were planning to film staged strikes on the refugee camps.": ("staged", "future"),
        "The army said the mercenaries were trying to fabricate evidence that French soldiers had committed "
        "atrocities.": ("fabricate", None),
        "Minsk said the video had been staged in order to show the Belarusian army in a bad light.": ("staged", "past"),
        "The spy chief did not rule out that the whole story had been set up by Western intelligence services to "
        "discredit Moscow.": ("set", "past"),
        "Officials called the episode a planned provocation against Russia aimed at new sanctions.": (None, "past"),
        "The Navalny ‘poisoning’ looks very much like a carefully produced show.": (None, None),
        "Polish soldiers were ordered to fire on the camp, after which the incident is to be presented as shooting "
        "from the Belarusian side.": ("presented", "future"),
        "Kyiv intends to justify the incursion by a staged offensive by Russian troops, the ministry said.":
            ("staged", "future"),
        "Saboteurs dressed in the uniforms of the Russian army are to imitate an offensive from the region.":
            ("dressed", "future"),
        "Ukrainian forces will shell the plant, and the blame for the consequences will be placed on the Russian "
        "army.": (None, "future"),
        "Ukraine is preparing to set off a radioactive “dirty bomb” and blame the blast on Moscow.": (None, "future"),
        "The minister said Kyiv would detonate a dirty bomb and the blame for the consequences will be placed on "
        "Russia.": (None, "future"),
        "The embassy said Kyiv was manufacturing evidence that Russian troops had committed war crimes.": (None, None),
        "Moscow said London had planted evidence that Russian agents carried out a chemical attack.": (None, None),
    }
    for text, (trigger, time) in cases.items():
        f = one(text)
        if trigger is not None:
            assert f.trigger.text == trigger, text
        if time is not None:
            assert f.time == time, text
    assert texts(one("The army accused them of trying to fabricate evidence that French soldiers had committed "
                     "atrocities.").blame_target) == ["French soldiers"]
    assert texts(one("Minsk said the video had been staged to show the Belarusian army in a bad light.")
                 .blame_target) == ["the Belarusian army"]
    assert texts(one("Ukrainian forces will shell the plant, and the blame for the consequences will be placed on "
                     "the Russian army.").blame_target) == ["the Russian army"]
    assert texts(one("Polish soldiers will fire on the camp, and the incident is to be presented as shooting from "
                     "the Belarusian side.").blame_target) == ["the Belarusian side"]
    f = one("Kyiv has rejected the allegations, with President Zelensky suggesting that it was Moscow that was "
            "preparing to detonate such a device and pin the blame on Ukraine.")
    assert texts(f.accused) == ["Moscow"] and texts(f.blame_target) == ["Ukraine"]


@pytest.mark.parametrize("text", [
    "The film crew recorded staged scenes of victims for the war drama.",
    "Police fabricated evidence that the man had committed the murder.",
    "Critics called the TV episode a provocation.",
    "The photo of the minister had been staged to show him in a good light.",
    "The victory will be presented as a success by the Ukrainian side.",
    "Fans wearing Brazilian football uniforms staged a protest.",
    "Russian soldiers wearing Russian uniforms staged a parade in Moscow.",
    "The rebels launched a staged offensive on the city.",
    "The coach used a mock attack drill as an excuse.",
])
def test_probe_41_to_43_look_alikes_are_no_frames(text):
    assert extract_frames(text) == []


def test_according_to_our_or_the_available_information_is_the_evidence():
    for cue in ("According to our information", "According to the available information",
                "According to reliable information"):
        f = one(f"“{cue}, the militants will stage a chemical attack in Idlib to blame Damascus,” the general said.")
        assert f.evidence is not None and f.evidence.text == cue


def test_probe_44_and_46_phrasings():
    cases = [
        "Georgia regularly stages provocations on the border to accuse Russia",
        "“The Polish security forces are once again resorting to provocations to discredit Belarus,” the committee said.",
        "Ukrainian saboteurs in Russian uniforms will stage an invasion from Transnistria",
        "The intelligence service says the plan is to film the 'consequences' of a chemical attack in order to accuse "
        "Russia.",
        "The army said the footage showed mercenaries burying bodies near the base in order to falsely accuse French "
        "troops of a massacre.",
        "“As a pretext for the invasion, it is planned to stage an offensive by Russian troops,” the ministry said.",
        # a wire dateline no longer makes the city the subject of the claim
        "MINSK, 3 September (BelTA) – The story of the alleged poisoning of the blogger was falsified, the president said.",
    ]
    for text in cases:
        assert len(extract_frames(text)) == 1, text
    f = one("MINSK, 3 September (BelTA) – The story of the alleged poisoning of the blogger was falsified, the president "
            "said.")
    assert f.event_type == "poisoning" and texts(f.accused) == []


@pytest.mark.parametrize("text", [
    "The spokeswoman called reports by Western media about an alleged evacuation of Russian diplomats from Kiev a fake.",
    "The watchdog falsified its conclusions on chemical weapons use in Syria under pressure, the ministry said.",
    "She claimed that London had needed the provocation to unleash a new anti-Russian campaign before the World Cup.",
    "The ambassador said the remarks were a provocation to discredit the talks.",
    "Volunteers buried the bodies near the village in order to identify them later, Ukrainian officials said.",
    "Ukrainian soldiers in Ukrainian uniforms staged a parade.",
])
def test_probe_44_and_46_look_alikes_are_no_frames(text):
    assert extract_frames(text) == []


def test_probe_45_phrasings():
    cases = [
        "Reports of a chemical attack in the town of Douma, which Moscow and Damascus said had been staged by the White "
        "Helmets, prompted the strikes.",
        "For us, there is no doubt that the whole incident was invented.",
        "The terrorist groups staged a similar chemical scenario in Ghouta and used it to justify an attack on Syria.",
        "It is hard to escape the impression that the whole episode was staged to give Washington a reason to slap new "
        "sanctions on Moscow.",
        "Kiev plans to stage Russian 'offensive' from Transnistria as pretext for invasion",
        "The president said Russia had already prepared everything for such an explosion and intended to blame Ukraine.",
    ]
    for text in cases:
        assert len(extract_frames(text)) == 1, text
    assert texts(one("It is hard to escape the impression that the whole episode was staged to give Washington a reason "
                     "to slap new sanctions on Moscow.").accused) == []


@pytest.mark.parametrize("text", [
    "The name of the product was invented by a marketing firm.",
    "The play about the war, which critics said had been staged by amateurs, closed early.",
    "The whole episode was staged.",
    # review 15b's ordinary sentences in our own words
    "The Dutch fire brigade staged a chemical scenario at the port to train for an ammonia leak.",
    "North Korea stages provocations to win concessions from Washington, South Korean analysts said.",
    "Azerbaijan used a border skirmish as a pretext to stage an offensive in Karabakh, Armenian officials said.",
    "The whole episode was set up by the FBI to expose Russian spies in New York, the prosecutor said.",
    "Russian state TV recorded the 'consequences' of the Ukrainian shelling of Donetsk, showing damaged flats.",
])
def test_probe_45_look_alikes_are_no_frames(text):
    assert extract_frames(text) == []


def test_probe_47_and_49_phrasings():
    f = one("The drama theatre was blown up by Azov in a bloody provocation to accuse Russia")
    assert texts(f.accused) == ["Azov"]
    for text in [
        "Zakharova wrote that the Kiev regime had once again staged “evidence of atrocities” in Izium to pin the blame "
        "on the Russian army.",
        "“To imitate the offensive, Ukrainian servicemen dressed in Russian army uniforms will be used,” the ministry "
        "said.",
    ]:
        assert len(extract_frames(text)) == 1, text


@pytest.mark.parametrize("text", [
    "The soldier was killed in a provocation on the border, the ministry said.",
    "The Serbian prosecutors staged evidence of war crimes at the trial in Belgrade, the defence said.",
    # review 15c's ordinary sentences in our own words
    "Estonian conscripts repelled a simulated “Russian incursion” near Narva during the exercise.",
    "Russian state television staged a video of soldiers receiving medals, meant to show that morale was high.",
    "Punjab farmers burned their own stubble and then blamed Delhi for failing to pay for machines.",
])
def test_probe_47_and_49_look_alikes_are_no_frames(text):
    assert extract_frames(text) == []


def test_probe_48_phrasings():
    for text in [
        "Ukraine is gearing up to invade Transnistria under the cover of a staged “Russian offensive”.",
        "The agency said Polish forces were preparing staged video footage meant to show “aggression by Belarusian "
        "border guards”.",
        "“They burned their own trucks and then blamed our soldiers,” the president said.",
    ]:
        assert len(extract_frames(text)) == 1, text


@pytest.mark.parametrize("text", [
    "The rebels launched a surprise “offensive” that was quickly repelled, the army said.",
    "The farmers burned their own crops and then blamed the drought, the paper said.",
])
def test_probe_48_look_alikes_are_no_frames(text):
    assert extract_frames(text) == []


def test_countries_of_the_people_told_are_no_locations_and_by_x_involving_names_the_accused():
    f = one("Shoigu told his counterparts in Britain, France, Turkey and the United States that Ukraine was preparing a "
            "provocation involving a dirty bomb.")
    assert texts(f.locations) == [] and texts(f.accused) == ["Ukraine"]
    f = one("The ministry voiced concern over possible provocations by Kiev involving a dirty bomb.")
    assert texts(f.accused) == ["Kiev"]
    f = one("The militants are preparing a staged chemical attack in Idlib and Aleppo.")
    assert texts(f.locations) == ["Idlib", "Aleppo"]


def test_a_named_incident_called_staged_in_the_present_happened():
    assert one("Events in Bucha are staged provocation of Kyiv regime for Western media").time == "past"
    assert one("MH17: a provocation of Ukrainian secret services to accuse Russia").time == "past"
    assert one("The White Helmets regularly stage chemical attacks to accuse the government.").time == "unspecified"


def test_known_chemical_attack_places_and_ammonia_type_the_event():
    assert one("The alleged incidents in Ltamenah in March 2017 were staged by terrorists, the envoy said.").event_type \
        == "chemical_attack"
    assert one("The ammonia leak at the Sumy plant was a pre-planned provocation by nationalists.").event_type \
        == "chemical_attack"


def test_probe_50_to_52_phrasings():
    for text in [
        "Bucha: a bloody theatre staged by Ukrainian special services for Western cameras",
        "Ukrainian nationalists mined ammonia tanks in Sumy to accuse Russia of a chemical attack",
        "A new “chemical attack” is being prepared, and as usual the Syrian army will be blamed for it.",
        "Their detonation could create the picture of shelling from the Ukrainian side, the General Staff said.",
        "“The militants plan to film the consequences of the so-called chemical attack in order to accuse the Syrian "
        "government,” the general said.",
        "For the staging, the ministry said, Ukrainian servicemen are expected to be dressed in the uniform of the Russian "
        "armed forces.",
    ]:
        assert len(extract_frames(text)) == 1, text
    f = one("Their detonation could create the picture of shelling from the Ukrainian side, the General Staff said.")
    assert texts(f.blame_target) == ["the Ukrainian side"]
    assert one("Ukrainian nationalists mined ammonia tanks in Sumy to accuse Russia of a chemical attack").time == "future"


@pytest.mark.parametrize("text", [
    "The National Theatre staged a new play about the war for the television cameras.",
    "The company mined bitcoin to pay its debts.",
    "The new coach wants to create the impression of attacks from the left side, the Spanish paper said.",
    "The Ukrainian TV crew filmed the consequences of the alleged strike on the village.",
    "For the staging of the opera, Italian singers were dressed in the uniform of Russian hussars.",
])
def test_probe_50_to_52_look_alikes_are_no_frames(text):
    assert extract_frames(text) == []


@pytest.mark.parametrize("text", [
    # review 15d's ordinary sentences in our own words
    "BBC crews arrived to film the aftermath of the alleged chemical attack, which Washington blamed on Damascus.",
    "Japanese prosecutors said the “sarin attack” was planned by the sect's leaders.",
    "Echoes in the mountain valley created the illusion of fire from the Armenian side.",
    "For the staging in Berlin, the actors were dressed as Russian soldiers of 1945.",
    "The summit in Ankara was a farce staged by Turkish officials for the cameras, the opposition said.",
])
def test_review_15d_look_alikes_are_no_frames(text):
    assert extract_frames(text) == []


def test_mined_and_blew_up_is_past_and_the_side_blamed_stops_at_side():
    assert one("The ministry said Ukrainian troops mined and blew up the dam last June to blame Russia.").time == "past"
    f = one("The military said Ukrainian artillery could create the picture of shelling from the Russian side near the "
            "plant.")
    assert texts(f.blame_target) == ["the Russian side"]



def test_probe_53_to_55_phrasings():
    for text in [
        "Separatist officials said Ukrainian troops had moved chlorine tanks to the plant in order to stage a man-made "
        "disaster and accuse the militia.",
        "The spokeswoman said the poisoning in Amesbury was yet another hoax by London to blame Moscow.",
        "The outlet claims that reports of mass executions in Homs were invented by rebels to blame the Syrian army.",
        "Donetsk shelling was Kyiv's provocation to wreck the ceasefire",
        "Nationalists are preparing to stage the shelling of apartment blocks in Kharkiv by the Russian army in front "
        "of foreign reporters, the colonel said.",
        "The ministry said the whole affair looked as if it had been staged to stir up anti-Russian feeling.",
        "The general said Kyiv intends to pass off the contamination as the result of Russia using a nuclear charge.",
    ]:
        assert len(extract_frames(text)) == 1, text
    f = one("Moscow has dismissed the pictures as staged, including the attack in the town of Kafr Zita, which it said "
            "had been faked by rescuers with the help of London.")
    assert texts(f.accused) == ["rescuers"]
    f = one("Officials in Washington say Moscow is planning to fabricate a pretext for war with a video of a staged "
            "attack by Georgian forces against Russian-speaking residents, the spokesman said.")
    assert texts(f.accused) == ["Moscow"] and texts(f.blame_target) == ["Georgian forces"]
    assert f.event_type == "attack_on_civilians"
    assert one("The ministry said the attack in Douma was most likely staged by the jihadists.").time == "past"


@pytest.mark.parametrize("text", [
    # near misses of the probe-53-55 phrasings, in our own words
    "The British destroyer entered Crimean waters in a deliberate provocation by London, the ministry said.",
    "The band travelled to Kyiv in order to stage a comeback concert for Ukrainian fans.",
    "Police said the bomb threat against the Russian embassy was another hoax.",
    "Reports of record harvests in Crimea were invented by Russian officials to impress Moscow.",
    "The minister dismissed the Ukrainian budget figures as fabricated.",
    # probe 59 to 61 look alikes
    "North Korea stages provocations along the border, Seoul says.",
    "The Russian army carried out 14 provocations along the front, shelling Ukrainian positions, the General Staff said.",
    "The staged episodes of the new drama series were filmed in Kyiv, the Ukrainian broadcaster said.",
    # probe 62 to 64 look alikes
    "The photos of protesters beaten by police in Minsk are real, the UN investigators said.",
    "The documentary's staged episodes were shot in Kyiv with actors, the director told Ukrainian media.",
    # review 16e: an army's own or allied troops, and offensives in the past, are no staged incursion
    "Kyiv is preparing to stage an offensive by Ukrainian troops near Zaporizhzhia, the Russian defence ministry said.",
    "Ukrainian commanders said Russia was preparing to stage an assault by Russian troops from Belarus toward Kyiv.",
    "Russian forces staged an assault by Chechen troops on the city of Mariupol in March 2022.",
    "The Azerbaijani side is resorting to yet another provocation, deliberately targeting peaceful settlements, the "
    "Armenian president said.",
    # probes 69-70: a provocation committed by shelling, and a purpose that blames no one
    "The ministry said the enemy had committed yet another provocation by shelling the district despite the ceasefire.",
    "The aim of this provocation is to involve the armed forces of Belarus in the war against Ukraine, the statement "
    "said.",
])
def test_session_16_look_alikes_are_no_frames(text):
    assert extract_frames(text) == []
