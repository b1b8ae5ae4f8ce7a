#!/usr/bin/env python3
"""Builds the tiny TorchScript fixture that TorchScriptEmotionModelTest loads.

What it writes next to itself (all committed, all small):
  fixture.pt      a scripted cross-modal module following emostream's TorchScript contract
  manifest.json   the bundle manifest (architecture "torchscript")
  tokenizer.json  a WordLevel Hugging Face tokenizer (lowercase, whitespace split, [CLS] $A [SEP])
  expected.json   the fixed inputs and the outputs this module produced for them

The module is deterministic (torch.manual_seed(7)) and untrained: it proves the loading,
tensor layout, missing-modality and padding paths of the Java side, not accuracy.
Contract: forward(waveform f32[B,T], waveform_lengths i64[B], input_ids i64[B,L],
attention_mask i64[B,L]) -> (logits f32[B,4], valence_arousal f32[B,2]). Padded samples and
tokens never change a result: frames and tokens are masked by the lengths / mask, and a
missing modality (length 0 / mask all 0) falls back to a learned "absent" embedding.

How it was run (Debian 12 python3 3.11.2 with Debian's python3-torch 1.13.1, unpacked
privately instead of installed system-wide):

  apt-get update
  mkdir -p /tmp/pytorch-deb/debs /tmp/pytorch-deb/root && cd /tmp/pytorch-deb/debs
  apt-get download python3-torch libtorch1.13 <its not-yet-installed dependencies, listed with
      apt-cache depends --recurse --no-recommends --no-suggests python3-torch>
  for d in *.deb; do dpkg -x "$d" ../root; done
  R=/tmp/pytorch-deb/root
  export PYTHONPATH=$R/usr/lib/python3/dist-packages
  export LD_LIBRARY_PATH=$R/lib/x86_64-linux-gnu:$R/usr/lib/x86_64-linux-gnu:$R/usr/lib/x86_64-linux-gnu/blas:$R/usr/lib/x86_64-linux-gnu/lapack
  /usr/bin/python3 model/src/test/resources/torchscript/make_fixture.py

Audio in expected.json is given as a formula (sum of tones) rather than samples, so the file
stays small; the Java test rebuilds the same float32 samples:
  x[n] = float32( sum_k amp_k * sin(2*pi*freq_k*n/16000 + phase_k) ),  n = 0..round(seconds*16000)-1
"""
import json
import math
import os
import re
from typing import Tuple

import torch
from torch import Tensor, nn

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE_RATE = 16000
WINDOW = 400  # 25 ms frames ...
HOP = 160  # ... every 10 ms
DIM = 16
MAX_TOKENS = 32
LABELS = ["neutral", "happy", "angry", "sad"]
SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]"]
WORDS = ("i am is are was the a an this that it you we they my your with for to and but not no "
         "very really so happy great thanks thank love good glad excellent wonderful angry "
         "terrible awful hate worst cancel refund wait waiting sad sorry unfortunately lost "
         "miss tired okay fine account call service help please today ! , . ?").split()
VOCAB = {token: i for i, token in enumerate(SPECIALS + WORDS)}


class FixtureNet(nn.Module):
    """Conv frames + token embeddings, cross-attention both ways, masked mean pooling, heads."""

    def __init__(self) -> None:
        super().__init__()
        # TorchScript cannot read module globals: keep the sizes as (constant) attributes.
        self.window = WINDOW
        self.hop = HOP
        self.dim = DIM
        self.scale = math.sqrt(DIM)
        self.conv = nn.Conv1d(1, DIM, kernel_size=WINDOW, stride=HOP)
        self.embed = nn.Embedding(len(VOCAB), DIM, padding_idx=0)
        self.audio_q = nn.Linear(DIM, DIM)
        self.text_q = nn.Linear(DIM, DIM)
        self.absent_audio = nn.Parameter(torch.randn(DIM))
        self.absent_text = nn.Parameter(torch.randn(DIM))
        self.classifier = nn.Linear(2 * DIM, len(LABELS))
        self.valence_arousal = nn.Linear(2 * DIM, 2)

    def attend(self, queries: Tensor, keys: Tensor, key_mask: Tensor) -> Tensor:
        scores = torch.bmm(queries, keys.transpose(1, 2)) / self.scale
        scores = scores.masked_fill(~key_mask.unsqueeze(1), -1e9)
        return torch.bmm(torch.softmax(scores, dim=-1), keys)

    def pool(self, x: Tensor, mask: Tensor, absent: Tensor) -> Tensor:
        weights = mask.unsqueeze(-1).to(x.dtype)
        count = weights.sum(dim=1)
        mean = (x * weights).sum(dim=1) / count.clamp(min=1.0)
        return torch.where(count > 0, mean, absent.unsqueeze(0).expand_as(mean))

    def forward(self, waveform: Tensor, waveform_lengths: Tensor, input_ids: Tensor,
                attention_mask: Tensor) -> Tuple[Tensor, Tensor]:
        batch = waveform.shape[0]
        frames = torch.tanh(self.conv(waveform.unsqueeze(1))).transpose(1, 2)  # B,F,D
        n_frames = torch.where(waveform_lengths >= self.window,
                               torch.div(waveform_lengths - self.window, self.hop, rounding_mode="floor") + 1,
                               torch.zeros_like(waveform_lengths))
        frame_mask = torch.arange(frames.shape[1]).unsqueeze(0) < n_frames.unsqueeze(1)
        tokens = self.embed(input_ids)  # B,L,D
        token_mask = attention_mask > 0
        # An always-valid "absent" slot keeps attention defined when the other side is missing.
        text_keys = torch.cat([self.absent_text.expand(batch, 1, self.dim), tokens], dim=1)
        text_keys_mask = torch.cat([torch.ones(batch, 1, dtype=torch.bool), token_mask], dim=1)
        audio_keys = torch.cat([self.absent_audio.expand(batch, 1, self.dim), frames], dim=1)
        audio_keys_mask = torch.cat([torch.ones(batch, 1, dtype=torch.bool), frame_mask], dim=1)
        audio = frames + self.attend(self.audio_q(frames), text_keys, text_keys_mask)
        text = tokens + self.attend(self.text_q(tokens), audio_keys, audio_keys_mask)
        fused = torch.cat([self.pool(audio, frame_mask, self.absent_audio),
                           self.pool(text, token_mask, self.absent_text)], dim=1)
        va = self.valence_arousal(fused)
        va = torch.stack([torch.tanh(va[:, 0]), torch.sigmoid(va[:, 1])], dim=1)
        return self.classifier(fused), va


def tokenize(text):
    """What tokenizer.json does: lowercase, split like HF's Whitespace pre-tokenizer, add specials."""
    if text is None:
        return []
    words = re.findall(r"\w+|[^\w\s]+", text.lower())
    ids = [VOCAB["[CLS]"]] + [VOCAB.get(w, VOCAB["[UNK]"]) for w in words] + [VOCAB["[SEP]"]]
    return ids[:MAX_TOKENS]


def synth(spec):
    if spec is None:
        return []
    n = int(round(spec["seconds"] * SAMPLE_RATE))
    return [sum(a * math.sin(2 * math.pi * f * i / SAMPLE_RATE + p) for a, f, p in spec["tones"])
            for i in range(n)]


def batch_tensors(cases):
    audios = [synth(c["audio"]) for c in cases]
    ids = [tokenize(c["text"]) for c in cases]
    width = max([WINDOW] + [len(a) for a in audios])
    length = max([1] + [len(t) for t in ids])
    waveform = torch.zeros(len(cases), width, dtype=torch.float32)
    for row, audio in enumerate(audios):
        if audio:
            waveform[row, : len(audio)] = torch.tensor(audio, dtype=torch.float64).to(torch.float32)
    lengths = torch.tensor([len(a) for a in audios], dtype=torch.long)
    input_ids = torch.zeros(len(cases), length, dtype=torch.long)
    mask = torch.zeros(len(cases), length, dtype=torch.long)
    for row, tokens in enumerate(ids):
        input_ids[row, : len(tokens)] = torch.tensor(tokens, dtype=torch.long)
        mask[row, : len(tokens)] = 1
    return (waveform, lengths, input_ids, mask), ids


def tokenizer_json():
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": [{"id": VOCAB[t], "content": t, "single_word": False, "lstrip": False,
                          "rstrip": False, "normalized": False, "special": True} for t in SPECIALS],
        "normalizer": {"type": "Lowercase"},
        "pre_tokenizer": {"type": "Whitespace"},
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}},
                       {"Sequence": {"id": "A", "type_id": 0}},
                       {"SpecialToken": {"id": "[SEP]", "type_id": 0}}],
            "pair": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}},
                     {"Sequence": {"id": "A", "type_id": 0}},
                     {"SpecialToken": {"id": "[SEP]", "type_id": 0}},
                     {"Sequence": {"id": "B", "type_id": 1}},
                     {"SpecialToken": {"id": "[SEP]", "type_id": 1}}],
            "special_tokens": {t: {"id": t, "ids": [VOCAB[t]], "tokens": [t]} for t in ("[CLS]", "[SEP]")},
        },
        "decoder": None,
        "model": {"type": "WordLevel", "vocab": VOCAB, "unk_token": "[UNK]"},
    }


MANIFEST = {
    "formatVersion": 1,
    "name": "torchscript-fixture",
    "version": "1.0.0",
    "architecture": "torchscript",
    "file": "fixture.pt",
    "labels": LABELS,
    "sampleRate": SAMPLE_RATE,
    "inputs": ["waveform", "waveform_lengths", "input_ids", "attention_mask"],
    "tokenizer": "tokenizer.json",
    "padTokenId": 0,
    "outputs": {"logits": 0, "valenceArousal": 1, "scores": "logits"},
    "limits": {"maxAudioSeconds": 12.0, "maxTokens": MAX_TOKENS, "minAudioSamples": WINDOW},
    "missing": {"audio": "zero-length", "text": "empty"},
    "standalone": ["AUDIO", "TEXT"],
}

CASES = [
    {"id": "audio+text", "text": "I am really happy with this service, thanks!",
     "audio": {"seconds": 0.75, "tones": [[0.5, 220.0, 0.0], [0.25, 660.0, 0.3]]}},
    {"id": "audio-only", "text": None,
     "audio": {"seconds": 0.5, "tones": [[0.4, 150.0, 0.1], [0.1, 2000.0, 1.0]]}},
    {"id": "text-only", "text": "This is terrible, I want to cancel my account.", "audio": None},
    {"id": "short-audio+text", "text": "okay fine",
     "audio": {"seconds": 0.3, "tones": [[0.3, 300.0, 0.5]]}},
]


def main():
    torch.manual_seed(7)
    net = FixtureNet().eval()
    scripted = torch.jit.script(net)
    scripted.save(os.path.join(HERE, "fixture.pt"))
    with open(os.path.join(HERE, "manifest.json"), "w") as f:
        json.dump(MANIFEST, f, indent=2)
        f.write("\n")
    with open(os.path.join(HERE, "tokenizer.json"), "w") as f:
        json.dump(tokenizer_json(), f, indent=1)
        f.write("\n")

    loaded = torch.jit.load(os.path.join(HERE, "fixture.pt"))
    with torch.no_grad():
        inputs, ids = batch_tensors(CASES)
        logits, va = loaded(*inputs)
        probs = torch.softmax(logits, dim=1)
        results = []
        for row, case in enumerate(CASES):
            # Each utterance alone must give what it gave inside the padded batch.
            alone_logits, alone_va = loaded(*batch_tensors([case])[0])
            assert torch.allclose(alone_logits[0], logits[row], atol=1e-5), case["id"]
            assert torch.allclose(alone_va[0], va[row], atol=1e-5), case["id"]
            results.append(dict(case, inputIds=ids[row],
                                probabilities=[round(float(p), 7) for p in probs[row]],
                                valence=round(float(va[row, 0]), 7),
                                arousal=round(float(va[row, 1]), 7)))
            print(case["id"], results[-1]["probabilities"], results[-1]["valence"], results[-1]["arousal"])
    with open(os.path.join(HERE, "expected.json"), "w") as f:
        json.dump({"torch": torch.__version__, "cases": results}, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
