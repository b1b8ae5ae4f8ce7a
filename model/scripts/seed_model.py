"""The seed papers' architecture in plain PyTorch + torchaudio: Wav2Vec2 audio, BERT text, cross-modal fusion.

  waveform --Wav2Vec2 (torchaudio)--> frames --proj--> A --+-- A attends to T (+ absent slot) --> mean+std --+
  tokens   --BERT-shaped encoder ---> tokens --proj--> T --+-- T attends to A (+ absent slot) --> mean+std --+
                                      early fusion: concat [A mean, A std, T mean, T std] --> MLP --> 4 logits
                                                                                            \\--> valence, arousal

Scriptable with torch.jit.script (torch 1.13) and loadable by DJL's libtorch 2.7.1. Padding never
changes a result: Wav2Vec2's convolutional feature extractor runs on each row's own samples
(its first layer's GroupNorm spans the whole time axis, so zero padding would shift it), the
transformers mask padded frames and tokens, and pooling counts valid steps only. A missing
modality (waveform length 0, or attention mask all 0) pools to a learned "absent" vector, and each
cross-attention has an always-valid learned "absent" key, so nothing divides by zero or gives NaN.
"""
import math
import re
from typing import Dict, List, Optional, Tuple

import torch
import torchaudio
from torch import Tensor, nn

LABELS = ["neutral", "happy", "angry", "sad"]


def attend(q: Tensor, k: Tensor, v: Tensor, heads: int, additive_mask: Tensor) -> Tensor:
    """Scaled dot-product attention over `heads` heads; additive_mask [B,1,1,Lk] is added to the scores."""
    b, n, d = q.shape
    m = k.shape[1]
    head_dim = d // heads
    qh = q.view(b, n, heads, head_dim).transpose(1, 2)
    kh = k.view(b, m, heads, head_dim).transpose(1, 2)
    vh = v.view(b, m, heads, head_dim).transpose(1, 2)
    scores = torch.matmul(qh, kh.transpose(-1, -2)) / math.sqrt(head_dim) + additive_mask
    return torch.matmul(torch.softmax(scores, dim=-1), vh).transpose(1, 2).reshape(b, n, d)


class BertLayer(nn.Module):
    """One post-LayerNorm BERT layer: self-attention, add & norm, GELU feed-forward, add & norm."""

    def __init__(self, hidden: int, heads: int, intermediate: int) -> None:
        super().__init__()
        self.heads = heads
        self.query = nn.Linear(hidden, hidden)
        self.key = nn.Linear(hidden, hidden)
        self.value = nn.Linear(hidden, hidden)
        self.attn_out = nn.Linear(hidden, hidden)
        self.attn_norm = nn.LayerNorm(hidden, eps=1e-12)
        self.ffn_in = nn.Linear(hidden, intermediate)
        self.ffn_out = nn.Linear(intermediate, hidden)
        self.ffn_norm = nn.LayerNorm(hidden, eps=1e-12)

    def forward(self, x: Tensor, additive_mask: Tensor) -> Tensor:
        context = attend(self.query(x), self.key(x), self.value(x), self.heads, additive_mask)
        x = self.attn_norm(x + self.attn_out(context))
        return self.ffn_norm(x + self.ffn_out(nn.functional.gelu(self.ffn_in(x))))


class BertEncoder(nn.Module):
    """A BERT-shaped text encoder (BERT-base: 12 layers, 768 wide, 12 heads, 3072 FFN, 30522 vocab)."""

    def __init__(self, vocab: int, hidden: int, layers: int, heads: int, intermediate: int,
                 max_positions: int = 512) -> None:
        super().__init__()
        self.hidden = hidden
        self.word = nn.Embedding(vocab, hidden)
        self.position = nn.Embedding(max_positions, hidden)
        self.token_type = nn.Embedding(2, hidden)
        self.norm = nn.LayerNorm(hidden, eps=1e-12)
        self.layers = nn.ModuleList([BertLayer(hidden, heads, intermediate) for _ in range(layers)])

    def forward(self, input_ids: Tensor, attention_mask: Tensor) -> Tensor:
        positions = torch.arange(input_ids.shape[1], device=input_ids.device).unsqueeze(0)
        x = self.word(input_ids) + self.position(positions) + self.token_type(torch.zeros_like(input_ids))
        x = self.norm(x)
        # BERT's additive mask: padded keys get -10000, which softmax turns into exactly 0 in float32.
        additive = (1.0 - attention_mask.to(x.dtype)).unsqueeze(1).unsqueeze(2) * -10000.0
        for layer in self.layers:
            x = layer(x, additive)
        return x


class CrossAttention(nn.Module):
    """Multi-head attention of one modality's steps (queries) over the other's (keys), add & norm."""

    def __init__(self, dim: int, heads: int) -> None:
        super().__init__()
        self.heads = heads
        self.q = nn.Linear(dim, dim)
        self.k = nn.Linear(dim, dim)
        self.v = nn.Linear(dim, dim)
        self.out = nn.Linear(dim, dim)
        self.norm = nn.LayerNorm(dim)

    def forward(self, queries: Tensor, keys: Tensor, key_mask: Tensor) -> Tensor:
        additive = (~key_mask).to(queries.dtype).unsqueeze(1).unsqueeze(2) * -1e9
        context = attend(self.q(queries), self.k(keys), self.v(keys), self.heads, additive)
        return self.norm(queries + self.out(context))


class SeedEmotionNet(nn.Module):
    """emostream's TorchScript contract around Wav2Vec2 + BERT with cross-modal attention both ways.

    forward(waveform f32[B,T], waveform_lengths i64[B], input_ids i64[B,L], attention_mask i64[B,L])
        -> (logits f32[B,4], valence_arousal f32[B,2])
    """

    def __init__(self, wav2vec2: nn.Module, audio_dim: int, bert: BertEncoder, dim: int, heads: int,
                 min_samples: int = 400) -> None:
        super().__init__()
        self.wav2vec2 = wav2vec2
        self.bert = bert
        self.audio_dim = audio_dim
        self.extractor_channels = int(wav2vec2.encoder.feature_projection.projection.in_features)
        self.min_samples = min_samples
        self.audio_proj = nn.Linear(audio_dim, dim)
        self.text_proj = nn.Linear(bert.hidden, dim)
        self.audio_to_text = CrossAttention(dim, heads)
        self.text_to_audio = CrossAttention(dim, heads)
        self.absent_audio_key = nn.Parameter(torch.randn(dim) * 0.02)
        self.absent_text_key = nn.Parameter(torch.randn(dim) * 0.02)
        self.absent_audio_stats = nn.Parameter(torch.randn(2 * dim) * 0.02)
        self.absent_text_stats = nn.Parameter(torch.randn(2 * dim) * 0.02)
        self.fusion = nn.Linear(4 * dim, dim)
        self.classifier = nn.Linear(dim, len(LABELS))
        self.valence_arousal = nn.Linear(dim, 2)

    def encode_audio(self, waveform: Tensor, lengths: Tensor) -> Tuple[Tensor, Tensor]:
        """Wav2Vec2 frames [B,F,audio_dim] and their validity mask [B,F]; rows under min_samples have none."""
        batch = waveform.shape[0]
        features: List[Tensor] = []
        counts: List[int] = []
        for row in range(batch):
            n = int(lengths[row])
            if n >= self.min_samples:
                f, _ = self.wav2vec2.feature_extractor(waveform[row:row + 1, :n], None)
                features.append(f[0])
                counts.append(f.shape[1])
            else:
                counts.append(0)
        width = max(counts)
        if width == 0:
            return (torch.zeros(batch, 1, self.audio_dim, device=waveform.device),
                    torch.zeros(batch, 1, dtype=torch.bool, device=waveform.device))
        padded = torch.zeros(batch, width, self.extractor_channels, device=waveform.device)
        used = 0
        for row in range(batch):
            if counts[row] > 0:
                padded[row, : counts[row]] = features[used]
                used += 1
        frame_lengths = torch.tensor(counts, dtype=torch.long, device=waveform.device)
        frames = self.wav2vec2.encoder(padded, frame_lengths)
        mask = torch.arange(width, device=waveform.device).unsqueeze(0) < frame_lengths.unsqueeze(1)
        return frames, mask

    @staticmethod
    def pool(x: Tensor, mask: Tensor, absent: Tensor) -> Tensor:
        """Mean and standard deviation over valid steps; the learned absent vector when there are none."""
        weights = mask.unsqueeze(-1).to(x.dtype)
        count = weights.sum(dim=1)
        mean = (x * weights).sum(dim=1) / count.clamp(min=1.0)
        var = ((x - mean.unsqueeze(1)) ** 2 * weights).sum(dim=1) / count.clamp(min=1.0)
        stats = torch.cat([mean, torch.sqrt(var + 1e-6)], dim=-1)
        return torch.where(count > 0, stats, absent.unsqueeze(0).expand_as(stats))

    def forward(self, waveform: Tensor, waveform_lengths: Tensor, input_ids: Tensor,
                attention_mask: Tensor) -> Tuple[Tensor, Tensor]:
        batch = waveform.shape[0]
        frames, frame_mask = self.encode_audio(waveform, waveform_lengths)
        token_mask = attention_mask > 0
        audio = self.audio_proj(frames)
        text = self.text_proj(self.bert(input_ids, attention_mask))
        ones = torch.ones(batch, 1, dtype=torch.bool, device=waveform.device)
        text_keys = torch.cat([self.absent_text_key.expand(batch, 1, -1), text], dim=1)
        audio_keys = torch.cat([self.absent_audio_key.expand(batch, 1, -1), audio], dim=1)
        audio = self.audio_to_text(audio, text_keys, torch.cat([ones, token_mask], dim=1))
        text = self.text_to_audio(text, audio_keys, torch.cat([ones, frame_mask], dim=1))
        fused = torch.cat([self.pool(audio, frame_mask, self.absent_audio_stats),
                           self.pool(text, token_mask, self.absent_text_stats)], dim=1)
        hidden = nn.functional.gelu(self.fusion(fused))
        va = self.valence_arousal(hidden)
        return self.classifier(hidden), torch.stack([torch.tanh(va[:, 0]), torch.sigmoid(va[:, 1])], dim=1)


# ---- sizes -------------------------------------------------------------------------------------

WAV2VEC2_FACTORIES = {
    "base": torchaudio.models.wav2vec2_base,
    "large": torchaudio.models.wav2vec2_large,
    "large_lv60k": torchaudio.models.wav2vec2_large_lv60k,
}


def reduced_wav2vec2() -> nn.Module:
    """Wav2Vec2-base's layout (same strides, so the same 20 ms frames) at 2 layers, 96 wide, 64 channels."""
    return torchaudio.models.wav2vec2_model(
        extractor_mode="group_norm", extractor_conv_layer_config=[(64, 10, 5)] + [(64, 3, 2)] * 4 + [(64, 2, 2)] * 2,
        extractor_conv_bias=False, encoder_embed_dim=96, encoder_projection_dropout=0.1,
        encoder_pos_conv_kernel=128, encoder_pos_conv_groups=16, encoder_num_layers=2, encoder_num_heads=4,
        encoder_attention_dropout=0.1, encoder_ff_interm_features=384, encoder_ff_interm_dropout=0.0,
        encoder_dropout=0.1, encoder_layer_norm_first=False, encoder_layer_drop=0.0, aux_num_out=None)


def audio_dim(wav2vec2: nn.Module) -> int:
    return int(wav2vec2.encoder.feature_projection.projection.out_features)


# ---- checkpoints -------------------------------------------------------------------------------

def load_state_dict_file(path: str) -> Dict[str, Tensor]:
    """A torch.save'd state dict, or a checkpoint dict holding one under 'model' or 'state_dict'."""
    data = torch.load(path, map_location="cpu")
    for key in ("model", "state_dict"):
        if isinstance(data, dict) and isinstance(data.get(key), dict):
            data = data[key]
    if not isinstance(data, dict) or not all(isinstance(v, Tensor) for v in data.values()):
        raise SystemExit(f"{path}: expected a state dict (name -> tensor), got {type(data).__name__}")
    return data


def wav2vec2_keys_to_torchaudio(state: Dict[str, Tensor]) -> Dict[str, Tensor]:
    """Accepts torchaudio, fairseq or Hugging Face Wav2Vec2 keys; returns torchaudio Wav2Vec2Model keys."""
    keys = list(state)
    if any(k.startswith("encoder.transformer.") for k in keys):  # torchaudio already
        return {k: v for k, v in state.items() if not k.startswith("aux.")}
    if any(k.startswith(("w2v_model.", "post_extract_proj.")) or ".self_attn." in k for k in keys):  # fairseq
        from torchaudio.models.wav2vec2.utils.import_fairseq import _convert_state_dict
        return {k: v for k, v in _convert_state_dict(state).items() if not k.startswith("aux.")}
    converted = {}  # Hugging Face Wav2Vec2Model / Wav2Vec2For*: same names, other nesting
    for k, v in state.items():
        k = k[len("wav2vec2."):] if k.startswith("wav2vec2.") else k
        if k.startswith("feature_extractor."):
            converted[k] = v
        elif k.startswith("feature_projection."):
            converted["encoder." + k] = v
        elif k.startswith("encoder."):
            converted["encoder.transformer." + k[len("encoder."):]] = v
    if not converted:
        raise SystemExit("no Wav2Vec2 weights recognised (torchaudio, fairseq or Hugging Face key names)")
    return converted


_BERT_LAYER_KEYS = {
    "attention.self.query": "query", "attention.self.key": "key", "attention.self.value": "value",
    "attention.output.dense": "attn_out", "attention.output.LayerNorm": "attn_norm",
    "intermediate.dense": "ffn_in", "output.dense": "ffn_out", "output.LayerNorm": "ffn_norm",
}
_BERT_EMBEDDING_KEYS = {"word_embeddings": "word", "position_embeddings": "position",
                        "token_type_embeddings": "token_type", "LayerNorm": "norm"}


def bert_keys_to_ours(state: Dict[str, Tensor]) -> Dict[str, Tensor]:
    """Hugging Face BertModel / BertFor* keys (with or without 'bert.') to BertEncoder keys.

    The pooler and task heads are dropped; old 'gamma'/'beta' LayerNorm names are accepted."""
    converted = {}
    for k, v in state.items():
        k = k[len("bert."):] if k.startswith("bert.") else k
        k = k.replace("LayerNorm.gamma", "LayerNorm.weight").replace("LayerNorm.beta", "LayerNorm.bias")
        m = re.match(r"embeddings\.(\w+)\.(weight|bias)$", k)
        if m and m.group(1) in _BERT_EMBEDDING_KEYS:
            converted[f"{_BERT_EMBEDDING_KEYS[m.group(1)]}.{m.group(2)}"] = v
            continue
        m = re.match(r"encoder\.layer\.(\d+)\.(.+)\.(weight|bias)$", k)
        if m and m.group(2) in _BERT_LAYER_KEYS:
            converted[f"layers.{m.group(1)}.{_BERT_LAYER_KEYS[m.group(2)]}.{m.group(3)}"] = v
    if "word.weight" not in converted:
        raise SystemExit("no BERT weights recognised (expected Hugging Face names such as "
                         "bert.embeddings.word_embeddings.weight)")
    return converted


def bert_shape(state: Dict[str, Tensor]) -> Tuple[int, int, int, int, int]:
    """(vocab, hidden, layers, intermediate, max positions) read off converted BERT weights."""
    vocab, hidden = state["word.weight"].shape
    layers = 1 + max(int(k.split(".")[1]) for k in state if k.startswith("layers."))
    return vocab, hidden, layers, state["layers.0.ffn_in.weight"].shape[0], state["position.weight"].shape[0]


def load_strict(module: nn.Module, state: Dict[str, Tensor], what: str, path: str) -> None:
    missing, unexpected = module.load_state_dict(state, strict=False)
    if missing or unexpected:
        raise SystemExit(f"{path} does not fit the {what}: missing {missing[:5]}, unexpected {unexpected[:5]}"
                         f" ({len(missing)} and {len(unexpected)} in all)")


def count_parameters(module: Optional[nn.Module]) -> int:
    return 0 if module is None else sum(p.numel() for p in module.parameters())
