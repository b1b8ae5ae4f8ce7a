#!/usr/bin/env python3
"""Export your own fine-tuned Wav2Vec2 + BERT emotion model as an emostream TorchScript bundle.

NOT EXECUTED IN THIS REPOSITORY'S CI. It needs `torch` and `transformers` and your own
checkpoints, none of which are available offline where emostream is built and tested. The
contract it targets is proven in CI by model/src/test/resources/torchscript/make_fixture.py
(a tiny module with the same inputs and outputs) and TorchScriptEmotionModelIT.

Usage (on a machine with torch >= 1.13, <= 2.7 and transformers):
  python export_wav2vec2_bert.py \
      --audio-encoder ./my-wav2vec2-finetuned  --text-encoder ./my-bert-finetuned \
      --heads ./heads.pt --out ./my-bundle
Then run emostream with model.location=./my-bundle (DJL's PyTorch 2.7.1 engine loads it).

The emostream TorchScript contract (what manifest.json "inputs"/"outputs" describe):
  forward(waveform f32[B,T] 16 kHz in [-1,1], waveform_lengths i64[B],
          input_ids i64[B,L], attention_mask i64[B,L])
      -> (logits f32[B,4], valence_arousal f32[B,2])   # valence in [-1,1], arousal in [0,1]
  * a missing audio part arrives as length 0 (all-zero row); a missing text part as mask all 0.
    The module must not produce NaN then: an always-valid learned "absent" key in each
    cross-attention, and a learned absent embedding when pooling over nothing, handle it.
  * padding must not change results: mask frames beyond waveform_lengths and tokens with mask 0.
"""
import argparse
import json
import os
import shutil
from typing import Tuple

import torch
from torch import Tensor, nn
from transformers import AutoModel, AutoTokenizer, Wav2Vec2Model

LABELS = ["neutral", "happy", "angry", "sad"]


class CrossModalWrapper(nn.Module):
    """Wav2Vec2 frames and BERT tokens attend to each other; pooled, fused and classified."""

    def __init__(self, wav2vec2: Wav2Vec2Model, bert: nn.Module, dim: int = 256, heads: int = 4):
        super().__init__()
        self.wav2vec2 = wav2vec2
        self.bert = bert
        self.audio_proj = nn.Linear(wav2vec2.config.hidden_size, dim)
        self.text_proj = nn.Linear(bert.config.hidden_size, dim)
        self.audio_to_text = nn.MultiheadAttention(dim, heads, batch_first=True)
        self.text_to_audio = nn.MultiheadAttention(dim, heads, batch_first=True)
        self.absent_audio = nn.Parameter(torch.zeros(1, 1, dim))
        self.absent_text = nn.Parameter(torch.zeros(1, 1, dim))
        self.classifier = nn.Linear(4 * dim, len(LABELS))
        self.valence_arousal = nn.Linear(4 * dim, 2)

    @staticmethod
    def pool(x: Tensor, valid: Tensor) -> Tensor:
        """Statistics pooling (mean and std over valid steps); zeros when nothing is valid."""
        w = valid.unsqueeze(-1).to(x.dtype)
        n = w.sum(1).clamp(min=1.0)
        mean = (x * w).sum(1) / n
        std = (((x - mean.unsqueeze(1)) ** 2 * w).sum(1) / n).clamp(min=1e-6).sqrt()
        return torch.cat([mean, std], dim=-1)

    def forward(self, waveform: Tensor, waveform_lengths: Tensor, input_ids: Tensor,
                attention_mask: Tensor) -> Tuple[Tensor, Tensor]:
        b = waveform.shape[0]
        sample_mask = torch.arange(waveform.shape[1]).unsqueeze(0) < waveform_lengths.unsqueeze(1)
        frames = self.wav2vec2(waveform, attention_mask=sample_mask.long()).last_hidden_state
        frame_lengths = self.wav2vec2._get_feat_extract_output_lengths(waveform_lengths)
        frame_mask = torch.arange(frames.shape[1]).unsqueeze(0) < frame_lengths.unsqueeze(1)
        tokens = self.bert(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        token_mask = attention_mask > 0
        a = self.audio_proj(frames)
        t = self.text_proj(tokens)
        ones = torch.ones(b, 1, dtype=torch.bool)
        t_keys = torch.cat([self.absent_text.expand(b, 1, -1), t], 1)
        a_keys = torch.cat([self.absent_audio.expand(b, 1, -1), a], 1)
        a2t, _ = self.audio_to_text(a, t_keys, t_keys, key_padding_mask=~torch.cat([ones, token_mask], 1))
        t2a, _ = self.text_to_audio(t, a_keys, a_keys, key_padding_mask=~torch.cat([ones, frame_mask], 1))
        fused = torch.cat([self.pool(a + a2t, frame_mask), self.pool(t + t2a, token_mask)], dim=-1)
        va = self.valence_arousal(fused)
        return self.classifier(fused), torch.stack([torch.tanh(va[:, 0]), torch.sigmoid(va[:, 1])], 1)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--audio-encoder", required=True, help="fine-tuned Wav2Vec2 checkpoint directory")
    p.add_argument("--text-encoder", required=True, help="fine-tuned BERT checkpoint directory")
    p.add_argument("--heads", help="state_dict of the fusion/heads trained with this wrapper")
    p.add_argument("--out", required=True)
    p.add_argument("--max-audio-seconds", type=float, default=20.0)
    p.add_argument("--max-tokens", type=int, default=128)
    args = p.parse_args()

    wrapper = CrossModalWrapper(Wav2Vec2Model.from_pretrained(args.audio_encoder, torchscript=True),
                                AutoModel.from_pretrained(args.text_encoder, torchscript=True))
    if args.heads:
        wrapper.load_state_dict(torch.load(args.heads, map_location="cpu"), strict=False)
    wrapper.eval()

    # Trace with both modalities present at two lengths; check the missing-modality paths after.
    tokenizer = AutoTokenizer.from_pretrained(args.text_encoder)
    enc = tokenizer(["i want to cancel my account", "thanks"], padding=True, return_tensors="pt")
    wave = torch.randn(2, 32000) * 0.1
    lengths = torch.tensor([32000, 16000])
    with torch.no_grad():
        traced = torch.jit.trace(wrapper, (wave, lengths, enc["input_ids"], enc["attention_mask"]),
                                 check_trace=False)
        for check in [(wave, torch.tensor([0, 16000]), enc["input_ids"], enc["attention_mask"]),
                      (wave, lengths, enc["input_ids"], torch.zeros_like(enc["attention_mask"]))]:
            logits, va = traced(*check)
            assert torch.isfinite(logits).all() and torch.isfinite(va).all(), "missing modality gave NaN"

    os.makedirs(args.out, exist_ok=True)
    traced.save(os.path.join(args.out, "model.pt"))
    tokenizer.backend_tokenizer.save(os.path.join(args.out, "tokenizer.json"))  # needs a fast tokenizer
    manifest = {
        "formatVersion": 1, "name": os.path.basename(os.path.abspath(args.out)), "version": "1.0.0",
        "architecture": "torchscript", "file": "model.pt", "labels": LABELS, "sampleRate": 16000,
        "inputs": ["waveform", "waveform_lengths", "input_ids", "attention_mask"],
        "tokenizer": "tokenizer.json", "padTokenId": tokenizer.pad_token_id,
        "outputs": {"logits": 0, "valenceArousal": 1, "scores": "logits"},
        "limits": {"maxAudioSeconds": args.max_audio_seconds, "maxTokens": args.max_tokens,
                   "minAudioSamples": 400},
        "missing": {"audio": "zero-length", "text": "empty"},
        "standalone": ["AUDIO", "TEXT"],
    }
    with open(os.path.join(args.out, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=2)
    print("wrote", args.out)


if __name__ == "__main__":
    main()
