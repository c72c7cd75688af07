"""The techniques analyzer: rules, features, the shipped onnxruntime model and the samples check."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from narratrace.analyze.base import AnalysisContext
from narratrace.analyze.registrations import BUILTINS
from narratrace.evaluate.ptc import TECHNIQUES
from narratrace.model import Article
from narratrace.techniques import features as F
from narratrace.techniques.rules import labelling_spans, rule_spans, scare_quote_spans
from narratrace.techniques.runtime import decode_spans, join_close_spans

TEXT = (
    "Officials slam the so-called peace envoys\n"
    "The so-called peace envoys of the pseudo-scientific institute Truth Watch arrived on Monday. "
    "Critics said the “independent inquiry” was a disgrace and a shameful betrayal of our great nation. "
    "The mayor said: “We will rebuild the bridge.” "
    "Everyone knows the truth. Everyone knows the truth, and they will never admit it!"
)


@pytest.fixture(scope="module")
def model():
    from narratrace.techniques.runtime import TechniqueModel, default_model_dir

    if not (default_model_dir() / "config.json").exists():
        pytest.fail("the shipped technique model is missing from src/narratrace/models/techniques")
    return TechniqueModel()


def test_registered_last():
    assert list(BUILTINS)[-1] == "techniques"


def test_lexicon_covers_every_technique():
    lex = F.load_lexicon()
    assert set(lex.definitions) == set(TECHNIQUES)
    assert all(len(d) > 20 for d in lex.definitions.values())


@pytest.mark.parametrize("text,expected", [
    ("They met the so-called peace envoys of the group.", "so-called peace envoys"),
    ("A pseudo-humanitarian charity Blue Hands spoke.", "pseudo-humanitarian charity"),
    ("The self-styled experts are wrong.", "self-styled experts"),
])
def test_labelling_prefix_rule(text, expected):
    spans = labelling_spans(text)
    assert [s.text for s in spans] == [expected]
    assert spans[0].technique == "Name_Calling,Labeling"
    assert text[spans[0].start:spans[0].end] == expected


def test_labelling_rule_needs_a_word_after_the_prefix():
    assert labelling_spans("It was so-called. Then The Group left.") == []


def test_scare_quotes_and_quotations():
    spans = scare_quote_spans(TEXT)
    # the words inside the marks, as PTC annotates them
    assert [s.text for s in spans] == ["independent inquiry"]
    assert TEXT[spans[0].start - 1] == "“" and TEXT[spans[0].end] == "”"
    assert spans[0].technique == "Doubt"
    # a quoted sentence after a colon is speech, not scare quotes
    assert scare_quote_spans("He said: “We go now”.") == []


def test_span_features_see_repetition_and_quotes():
    text = "Everyone knows the truth. Everyone knows the truth. A “fake” story."
    q = text.index("fake")
    feats = F.span_features(text, [(0, 24), (q, q + 4), (q + 6, q + 11)])
    assert feats.shape == (3, F.N_FEATURES)
    assert feats[0, 3] == 1.0 and feats[1, 3] == 0.0  # repeated phrase
    assert feats[1, 4] == 1.0 and feats[2, 4] == 0.0  # inside scare quotes or not


def test_repeated_earlier_looks_only_before_the_span():
    text = "Make the river clean. Some said: make  the River CLEAN! The river-clean plan failed."
    second = text.index("make  the")
    spans = [(0, 20), (second, second + len("make  the River CLEAN")), (text.index("Some"), text.index("Some") + 4),
             (text.index("river-clean"), text.index("river-clean") + 11), (5, 5)]
    # the first one has nothing before it; case and spacing do not matter; a lone word not repeated; the
    # hyphenated pair matches "river clean" words earlier; an empty span is no repetition
    assert F.repeated_around(text, spans)[0].tolist() == [False, True, False, True, False]
    # whole words only: "train" inside "restraint" earlier does not count
    text2 = "Restraint matters. The train left."
    assert not F.repeated_around(text2, [(text2.index("train left"), text2.index("train left") + 5)])[0][0]


def test_repeated_around_tells_earlier_from_later():
    text = "Freedom first. Roads are bad. Freedom first. Parking is bad. freedom, FIRST"
    a, b, c = text.index("Freedom"), text.rindex("Freedom"), text.index("Roads")
    before, after = F.repeated_around(text, [(a, a + 13), (b, b + 13), (c, c + 5)])
    assert before.tolist() == [False, True, False]
    assert after.tolist() == [True, True, False]  # the last "freedom, FIRST" follows both
    assert F.repeated_around(text, [(b, b + 13)])[0].tolist() == [True]


def test_extend_to_clause_end_runs_on_to_a_near_mark_or_past_a_function_word():
    from narratrace.techniques.runtime import extend_to_clause_end

    text = "They are traitors of the nation, and the regime of the puppets in the capital said so.\nNext line"
    a = text.index("traitors")
    b = text.index("the regime of")
    c = text.index("Next")
    spans = [(a, a + 8, 0.5), (b, b + len("the regime of"), 0.4), (c, c + 4, 0.3), (a, a + 4, 0.2)]
    out = extend_to_clause_end(text, spans, 20, 150)
    # "traitors" runs on to the comma 15 characters on; "the regime of" ends on a function word and runs on to
    # the full stop; a span before a line break stays; a span ending inside a word ("trai") stays
    assert [text[s:e] for s, e, _ in out] == ["traitors of the nation", text[b:text.index(" said") + 8], "Next",
                                            "trai"]
    assert [sc for _, _, sc in out] == [0.5, 0.4, 0.3, 0.2]
    # too far for an ordinary word
    long = "word " + "x" * 40 + "."
    assert extend_to_clause_end(long, [(0, 4, 1.0)], 20, 150) == [(0, 4, 1.0)]
    assert extend_to_clause_end(long, [(0, 4, 1.0)], 0, 0) == [(0, 4, 1.0)]


def test_adjusted_scores_keep_their_order_and_a_confident_label_stays_confident():
    from narratrace.techniques.runtime import _as_distribution

    scores = np.array([[0.61, 0.2, 0.08, -0.29, 0.0, 0.0], [0.5, 0.5, -0.1, -0.2, 0.0, 0.0]])
    rows = _as_distribution(scores)
    assert np.allclose(rows.sum(1), 1.0) and (rows > 0).all()
    assert rows[0, 0] > 0.6  # not flattened by the most negative score
    assert (np.argsort(-rows[0], kind="stable") == np.argsort(-scores[0], kind="stable")).all()
    assert rows[1, 2] > rows[1, 3]  # below zero, still in the order of the scores


def test_extend_to_clause_end_never_runs_into_the_next_span():
    from narratrace.techniques.runtime import extend_to_clause_end

    text = "It is a disgrace and a shame, he said."
    a, b = text.index("disgrace"), text.index("shame")
    out = extend_to_clause_end(text, [(a, a + 8, 1.0), (b, b + 5, 1.0), (1, 1, 1.0)], 20, 150)
    assert out[0][1] <= b and out[1] == (b, b + 5, 1.0) and out[2] == (1, 1, 1.0)


def test_overlap_shift_averages_only_overlapping_others():
    from narratrace.techniques.runtime import overlap_shift

    probs = np.array([[0.6, 0.4], [0.2, 0.8], [0.5, 0.5], [1.0, 0.0], [0.3, 0.7]])
    spans = [(0, 10), (5, 8), (8, 12), (20, 30), (0, 10)]
    shift = overlap_shift(spans, probs, 0.5)
    # span 0 overlaps 1 and 2 (not its identical twin 4); 1 overlaps 0 and 4; 2 overlaps 0 and 4; 3 none
    assert np.allclose(shift[0], 0.5 * (probs[1] + probs[2]) / 2)
    assert np.allclose(shift[1], 0.5 * (probs[0] + probs[4]) / 2)
    assert np.allclose(shift[2], 0.5 * (probs[0] + probs[4]) / 2)
    assert np.allclose(shift[3], 0.0)
    assert overlap_shift([(0, 5), (5, 9)], probs[:2], 0.5) is None  # touching is not overlapping


@given(st.integers(1, 3000), st.integers(8, 300), st.integers(1, 300))
def test_windows_cover_every_token(n, size, step):
    step = min(step, size)
    starts = F.window_starts(n, size, step)
    covered = np.zeros(n, bool)
    for s in starts:
        assert 0 <= s and s + min(size, n) <= n
        covered[s:s + size] = True
    assert covered.all()


@given(st.integers(1, 3000), st.integers(8, 300), st.integers(1, 300), st.booleans())
def test_spread_windows_cover_with_the_overlap(n, size, step, shrink):
    step = min(step, size)
    starts, length = F.spread_windows(n, size, step, shrink)
    assert length == min(n, size) if not shrink else length <= min(n, size)
    covered = np.zeros(n, bool)
    for s in starts:
        assert 0 <= s and s + length <= n
        covered[s:s + length] = True
    assert covered.all()
    gaps = np.diff(starts)
    assert (gaps > 0).all() and (length - gaps >= size - step - 1).all()  # overlap (rounding: 1 token)
    if n > size:  # no more windows than the plain layout needs
        assert len(starts) <= len(F.window_starts(n, size, step))


def test_spread_windows_spread_the_overlap():
    starts, length = F.spread_windows(1000, 254, 254)
    assert (starts, length) == ([0, 249, 497, 746], 254)  # 4 windows, about 5 tokens overlap each
    starts, length = F.spread_windows(1000, 254, 254, shrink=True)
    assert length == 250 and starts == [0, 250, 500, 750]


def test_tc_head_matches_plain_matmul():
    from narratrace.techniques.runtime import tc_head_forward

    rng = np.random.RandomState(3)
    head = {"ln.weight": rng.rand(12).astype(np.float32), "ln.bias": rng.rand(12).astype(np.float32),
            "fc1.weight": rng.randn(5, 12).astype(np.float32), "fc1.bias": rng.randn(5).astype(np.float32),
            "fc2.weight": rng.randn(3, 5).astype(np.float32), "fc2.bias": rng.randn(3).astype(np.float32)}
    x = rng.randn(4, 12).astype(np.float32)
    z = (x - x.mean(1, keepdims=True)) / np.sqrt(x.var(1, keepdims=True) + 1e-5) * head["ln.weight"] + head["ln.bias"]
    h = z @ head["fc1.weight"].T + head["fc1.bias"]
    h = 0.5 * h * (1 + np.tanh(0.7978845608 * (h + 0.044715 * h ** 3)))
    logits = h @ head["fc2.weight"].T + head["fc2.bias"]
    ref = np.exp(logits) / np.exp(logits).sum(1, keepdims=True)
    assert np.allclose(tc_head_forward(head, x), ref, atol=1e-5)


def test_decode_spans_widens_to_words_and_thresholds():
    text = "abc defgh ij"
    offsets = np.array([[0, 3], [4, 7], [7, 9], [10, 12]])
    spans = decode_spans(text, offsets, np.array([0.1, 0.9, 0.2, 0.8]), 0.5)
    assert [(s, e) for s, e, _ in spans] == [(4, 9), (10, 12)]
    assert decode_spans(text, offsets, np.array([0.1, 0.2, 0.2, 0.3]), 0.5) == []


def test_snap_to_sentences_widens_most_of_a_sentence_only():
    from narratrace.techniques.runtime import snap_to_sentences

    text = "  They will lie to you again and again. Short one. Rain fell on the town\nNext line here!"
    a = text.index("lie to you again")
    b = text.index("Rain fell")
    spans = [(a, a + len("lie to you again and again"), 0.5),  # 26 of 36 characters: widened
             (b + 5, b + 9, 0.4)]  # "fell": 4 of 29, kept as it is
    out = snap_to_sentences(text, spans, 0.4)
    assert [text[s:e] for s, e, _ in out] == ["They will lie to you again and again", "fell"]
    # two spans of one sentence become one, with the higher score; a span crossing sentences is left alone
    two = [(a, a + 3, 0.2), (a + 11, a + 26, 0.6)]
    assert [(text[s:e], sc) for s, e, sc in snap_to_sentences(text, two, 0.4)] == [
        ("They will lie to you again and again", 0.6)]
    across = [(a, text.index("Short") + 5, 0.5)]
    assert snap_to_sentences(text, across, 0.4) == across
    # a closing quote ends the sentence it closes; a decimal point ends none; a widened span swallows every
    # span kept before it in its sentence
    quoted = 'He said: "They lie." Then they lie to you again and again. Prices rose 3.5 percent because elites lie.'
    c = quoted.index("they lie to you")
    d = quoted.index("percent because")
    out = snap_to_sentences(quoted, [(c, c + len("they lie to you again"), 0.5), (d, d + len("percent because elites"), 0.5)], 0.4)
    assert [quoted[s:e] for s, e, _ in out] == ["Then they lie to you again and again",
                                                "Prices rose 3.5 percent because elites lie"]
    long = "Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau."
    three = [(0, 5, 0.3), (6, 10, 0.3), (30, 90, 0.6)]
    assert snap_to_sentences(long, three, 0.4) == [(0, len(long) - 1, 0.6)]


def test_join_close_spans_stays_on_one_line():
    text = "aaa bbb ccc\nddd"
    spans = [(0, 3, 0.5), (8, 11, 0.9), (12, 15, 0.7)]
    assert join_close_spans(text, spans, 5, 0) == [(0, 11, 0.9), (12, 15, 0.7)]
    assert join_close_spans(text, spans, 0, 4) == []


def test_model_spans_slice_the_text_and_labels_are_known(model):
    from narratrace.techniques.detect import detect_techniques

    found = detect_techniques(TEXT, model)
    assert found, "no technique span in a text written to hold several"
    for s in found:
        assert TEXT[s.start:s.end] == s.text and s.start < s.end
        assert s.technique in TECHNIQUES and 0.0 <= s.score <= 1.0
    # the rule layer keeps its spans in the output
    assert any(s.text == "so-called peace envoys" and s.technique == "Name_Calling,Labeling" for s in found)


def test_detect_many_keeps_order_and_results(model):
    from narratrace.techniques.detect import detect_many, detect_techniques

    texts = [TEXT, "A quiet council meeting about roads.", TEXT.replace("so-called", "self-styled"), ""] * 2
    many = list(detect_many(iter(texts), model, workers=2))
    assert many == [detect_techniques(t, model) for t in texts]
    assert any(s.text == "self-styled peace envoys" for s in many[2]) and many[3] == []


def test_classify_gives_distributions(model):
    probs = model.classify(TEXT, [(0, 9), (100, 130)])
    assert probs.shape == (2, len(TECHNIQUES))
    assert np.allclose(probs.sum(1), 1.0, atol=1e-4)


def test_repeated_slogan_leans_to_repetition(model):
    text = ("Vote now\nWe stand for freedom. Freedom first! The council met on Tuesday to discuss roads. "
            "Freedom first! Residents asked about parking. Freedom first!")
    i = text.rindex("Freedom first!")
    probs = model.classify(text, [(i, i + len("Freedom first!"))])[0]
    top3 = {model.labels[j] for j in np.argsort(-probs)[:3]}
    assert "Repetition" in top3 or "Slogans" in top3


def _classify_with(model, text, spans, **settings):
    """The model's technique probabilities with some run-time settings changed for this call only."""
    saved = {k: getattr(model, k) for k in settings}
    try:
        for k, v in settings.items():
            setattr(model, k, v)
        return model.classify(text, spans)
    finally:
        for k, v in saved.items():
            setattr(model, k, v)


def test_repetition_bonus_moves_only_spans_seen_before(model):
    text = ("We stand for freedom. Freedom first, they say. The council met on Tuesday to discuss roads. "
            "Freedom first, they say.")
    a, b = text.index("Freedom first"), text.rindex("Freedom first")
    spans = [(a, a + 13), (b, b + 13)]
    off = {"later_penalty": 0.0, "overlap_repulsion": 0.0}
    plain = _classify_with(model, text, spans, repetition_bonus=0.0, **off)
    boosted = _classify_with(model, text, spans, **off)
    assert model.repetition_bonus > 0
    r = model.labels.index("Repetition")
    assert np.allclose(boosted[0], plain[0])  # the first occurrence is unchanged
    assert boosted[1, r] > plain[1, r] and np.isclose(boosted[1].sum(), 1.0, atol=1e-4)


def test_later_only_penalty_lowers_repetition_of_the_first_mention(model):
    text = ("Freedom first, they say. The council met on Tuesday to discuss roads. "
            "Freedom first, they say. Residents asked about parking.")
    a, b = text.index("Freedom first"), text.rindex("Freedom first")
    c = text.index("Residents")
    spans = [(a, a + 13), (b, b + 13), (c, c + 9)]
    plain = _classify_with(model, text, spans, later_penalty=0.0, overlap_repulsion=0.0)
    lowered = _classify_with(model, text, spans, later_penalty=0.3, overlap_repulsion=0.0)
    r = model.labels.index("Repetition")
    assert lowered[0, r] < plain[0, r]  # said again later, never before: the first mention
    assert np.allclose(lowered[1:], plain[1:])  # the repetition itself and a span said once are unchanged
    assert np.allclose(lowered.sum(1), 1.0, atol=1e-4)


def test_overlap_repulsion_pushes_overlapping_spans_apart(model):
    text = "The so-called humanitarian workers are nothing but terrorists. The weather was fine on Sunday."
    outer = (text.index("The so-called"), text.index(" are"))
    inner = (text.index("so-called"), text.index(" workers"))
    apart = (text.index("The weather"), text.index(" on Sunday"))
    spans = [outer, inner, apart]
    plain = _classify_with(model, text, spans, later_penalty=0.0, overlap_repulsion=0.0)
    pushed = _classify_with(model, text, spans, later_penalty=0.0, overlap_repulsion=0.75)
    from narratrace.techniques.runtime import _as_distribution, overlap_shift

    # each of the two overlapping spans gives up 0.75 of the other's probabilities, then back to a distribution
    expected = _as_distribution(plain[:2] - overlap_shift(spans[:2], plain[:2], 0.75))
    assert np.allclose(pushed[:2], expected, atol=1e-5)
    assert np.allclose(pushed[2], plain[2])  # a span that overlaps nothing is unchanged
    assert np.allclose(pushed.sum(1), 1.0, atol=1e-4) and (pushed >= 0).all()


def test_analyzer_annotations(model):
    from narratrace.analyze.techniques import TechniquesAnalyzer

    art = Article(id="a1", text=TEXT)
    anns = TechniquesAnalyzer().analyze(art, AnalysisContext())
    assert anns and all(a.kind == "technique" and a.label in TECHNIQUES for a in anns)
    assert all("score" in a.attrs and 0 <= a.end - a.start <= len(TEXT) for a in anns)


@pytest.mark.shared
def test_samples_show_the_labelling_and_scare_quotes(samples_dir, model):
    from narratrace.techniques.detect import detect_techniques

    expected = [
        ("so-called civil defense group", {"Name_Calling,Labeling", "Loaded_Language"}),
        ("pseudo-humanitarian organization", {"Name_Calling,Labeling", "Loaded_Language"}),
        ("chemical weapons attack", {"Doubt"}),
    ]
    found = []
    for path in sorted(samples_dir.glob("*.txt")):
        text = path.read_bytes().decode("utf-8")
        found += [(s.text, s.technique) for s in detect_techniques(text, model)]
    if not found:
        pytest.skip("no sample articles")
    for phrase, labels in expected:
        hits = [t for txt, t in found if phrase in txt and len(txt) <= len(phrase) + 40]
        assert set(hits) & labels, f"no {labels} span for {phrase!r}; got {hits}"


@settings(max_examples=25, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab “”\"'-so-called.X\n")), max_size=120))
def test_rule_spans_always_slice_the_text(text):
    for s in rule_spans(text):
        assert text[s.start:s.end] == s.text and s.start < s.end


def test_cli_semeval_formats_and_eval(tmp_path, model):
    from typer.testing import CliRunner

    from narratrace.cli import app

    art = tmp_path / "articles" / "article77.txt"
    art.parent.mkdir()
    art.write_bytes(TEXT.encode("utf-8"))
    i = TEXT.index("so-called peace envoys of")
    gold = tmp_path / "gold" / "article77.task2-TC.labels"
    gold.parent.mkdir()
    gold.write_text(f"77\tName_Calling,Labeling\t{i}\t{i + 22}\n", encoding="utf-8")
    runner = CliRunner()
    si = runner.invoke(app, ["techniques", str(art), "--format", "semeval-si"])
    assert si.exit_code == 0, si.output
    lines = [ln.split("\t") for ln in si.stdout.splitlines() if ln.strip()]
    assert lines and all(ln[0] == "77" and len(ln) == 3 and int(ln[1]) < int(ln[2]) for ln in lines)
    tpl = tmp_path / "tpl.txt"
    tpl.write_text(f"77\t?\t{i}\t{i + 22}\n", encoding="utf-8")
    tc = runner.invoke(app, ["techniques", str(art.parent), "--spans", str(tpl)])
    assert tc.exit_code == 0, tc.output
    label = tc.stdout.strip().split("\t")
    assert label[0] == "77" and label[1] in TECHNIQUES and label[2:] == [str(i), str(i + 22)]
    bad = runner.invoke(app, ["train", "techniques", "--data", str(tmp_path), "--out", str(tmp_path / "m"),
                              "--fold", "5"])
    assert bad.exit_code != 0 and "-1 trains on all" in bad.output
    bad = runner.invoke(app, ["techniques", str(art), "--model", str(tmp_path / "nosuch")])
    assert bad.exit_code != 0 and "no technique model" in bad.output
    for spec in ("0,9", "2,1", "a,b"):
        bad = runner.invoke(app, ["train", "techniques", "--data", str(tmp_path), "--out", str(tmp_path / "m"),
                                  "--keep-layers", spec])
        assert bad.exit_code != 0 and "--keep-layers" in bad.output
    ev = runner.invoke(app, ["eval", "techniques", "--gold-dir", str(gold.parent), "--articles",
                             str(art.parent), "--task", "tc", "--json"])
    assert ev.exit_code == 0, ev.output
    assert '"n_gold": 1' in ev.stdout


def test_keep_encoder_layers_keeps_the_chosen_layers_in_order():
    from types import SimpleNamespace

    from narratrace.techniques.train import keep_encoder_layers

    fake_torch = SimpleNamespace(nn=SimpleNamespace(ModuleList=list))
    net = SimpleNamespace(encoder=SimpleNamespace(encoder=SimpleNamespace(layer=["L0", "L1", "L2", "L3", "L4", "L5"]),
                                                  config=SimpleNamespace(num_hidden_layers=6)))
    keep_encoder_layers(fake_torch, net, (0, 2, 4))
    assert net.encoder.encoder.layer == ["L0", "L2", "L4"] and net.encoder.config.num_hidden_layers == 3
    with pytest.raises(ValueError):
        keep_encoder_layers(fake_torch, net, (1, 3))  # only 3 layers are left


def test_bf16_is_chosen_by_measurement_unless_given():
    torch = pytest.importorskip("torch")
    from narratrace.techniques.train import TrainConfig, bf16_is_fast

    assert TrainConfig().bf16 is None  # measured at train time, never assumed
    calls = []

    class FakeTorch:  # a CPU where the bfloat16 product is 10x slower than float32
        bfloat16, float32 = "bf16", "fp32"

        @staticmethod
        def randn(*shape):
            return FakeTensor("fp32")

    class FakeTensor:
        def __init__(self, dtype):
            self.dtype = dtype

        def to(self, dtype):
            return FakeTensor(dtype)

        def __matmul__(self, other):
            calls.append(self.dtype)
            import time
            time.sleep(0.01 if self.dtype == "bf16" else 0.001)
            return self

    assert bf16_is_fast(FakeTorch) is False
    assert set(calls) == {"bf16", "fp32"}
    assert isinstance(bf16_is_fast(torch), bool)


def test_model_choice_by_name_or_directory(monkeypatch, tmp_path):
    from narratrace.errors import ModelUnavailable
    from narratrace.techniques import runtime

    monkeypatch.setenv(runtime.MODEL_ENV, "default")  # restored after the test, whatever use_model sets
    assert runtime.default_model_dir() == runtime.model_dir_for("default")
    assert runtime.model_dir_for("fast").name == "techniques-fast"
    assert runtime.model_dir_for(str(tmp_path)) == tmp_path
    with pytest.raises(ModelUnavailable, match="no technique model"):
        runtime.use_model(str(tmp_path))  # a directory without config.json
    runtime.use_model("fast")
    assert runtime.default_model_dir() == runtime.model_dir_for("fast")
    assert runtime.get_model().config["encoder_layers"] == [0, 1, 2]
    runtime.use_model("default")
    assert runtime.get_model().dir == runtime.model_dir_for("default")


def test_fast_model_finds_the_same_kinds_of_spans_and_records_itself(monkeypatch):
    from narratrace.analyze.techniques import TechniquesAnalyzer
    from narratrace.techniques import runtime

    monkeypatch.setenv(runtime.MODEL_ENV, "fast")
    anns = TechniquesAnalyzer().analyze(Article(id="a1", text=TEXT), AnalysisContext())
    assert anns and all(a.attrs.get("model", "").endswith("techniques-fast") for a in anns)
    assert all(a.end > a.start for a in anns) and {a.label for a in anns} <= set(TECHNIQUES)
    assert any(TEXT[a.start:a.end].startswith("so-called") for a in anns)
    monkeypatch.delenv(runtime.MODEL_ENV)
    default = TechniquesAnalyzer().analyze(Article(id="a1", text=TEXT), AnalysisContext())
    assert default and all("model" not in a.attrs for a in default)
