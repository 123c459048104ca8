"""Korean strings: figures_5_5 (see :mod:`chapter5.i18n.ko`).

The views of :mod:`chapter5.plots` for §5.5 (rbf, art, som, cascade, elman, boltzmann) and the
dashboards of notebooks 5.5.1-5.5.6 (rbf_explorer, art_replay, som_explorer, cascade_growth,
elman_explorer, rbm_explorer). Keys these share with §5.1-5.4 ("seed", "data", "epoch", "η",
"noise", "play", "accuracy", "sample being presented", "shown epoch", "hidden q",
"curve|training"...) and the data-set names of :mod:`chapter5.datasets` ("xor", "moons",
"circles", "square", "two_spirals", "watermelon 3.0α", "three clusters", "a new cluster
arrives", "uniform") are in the other parts.

Mathtext draws every character of a text that holds ``$...$`` in its own fonts, which have no
Hangul: a Korean text never mixes Hangul with ``$...$`` and writes the symbols in Unicode
instead (``$w_{ij}$`` -> ``wᵢⱼ``, ``$(\\hat{y}-y)^2$`` -> ``(ŷ − y)²``). Some English keys
offer such spellings as extra format fields (``{n_sub}``: n in subscript digits; ``{d_sup}``:
d in superscript digits).
"""

STRINGS: dict[str, str] = {
    # ---- §5.5.1 RBF: plot_rbf_1d, plot_bumps, plot_rbf_surface, RBFView ----
    "centre $c_i$": "중심 cᵢ",
    "x − c (distance from the centre)": "x − c (중심으로부터의 거리)",
    "Gaussian radial basis function (5.19)": "가우스 방사 기저 함수 (5.19)",
    "ρ = 1/2 circle of each unit": "유닛마다 ρ = 1/2인 원",
    "hidden layer: max over units of ρ(x, $c_i$)": "은닉층: 유닛별 ρ(x, cᵢ)의 최댓값",
    "output φ(x) (5.18); black line: φ = 0.5": "출력 φ(x) (5.18), 검은 선: φ = 0.5",
    "output φ(x) (orange 0 … purple 1)": "출력 φ(x) (주황 0 … 보라 1)",
    "decision line φ = 0.5": "결정 경계 φ = 0.5",
    "ρ = 1/2 circle": "ρ = 1/2인 원",
    "output bias": "출력 편향",
    "output weight $w_i$": "출력 가중치 wᵢ",
    "hidden unit i": "은닉 유닛 i",
    "output weights (least squares or descent)": "출력 가중치 (최소제곱 또는 경사하강법)",
    # rbf_explorer: controls
    "data set": "데이터 세트",
    "the training data: refits": "훈련 데이터: 다시 학습",
    "centres q": "중심 수 q",
    "the number of centres q (hidden units): refits": "중심(은닉 유닛)의 수 q: 다시 학습",
    "centre method": "중심 선택",
    "step 1: k-means centroids or random samples as centres: refits":
        "1단계: k-평균 중심 또는 무작위 샘플을 중심으로 사용: 다시 학습",
    "kmeans": "k-평균",
    "random": "무작위 샘플",
    "β": "β",
    "the width parameter β of every unit (at the start): refits":
        "모든 유닛의 폭 매개변수 β (시작값): 다시 학습",
    "output fit": "출력 맞추기",
    "step 2: least squares (lstsq) or gradient descent on w, bias and β (bp): refits":
        "2단계: 최소제곱, 또는 w, 편향, β에 대한 경사하강법(BP): 다시 학습",
    "lstsq": "최소제곱",
    "bp": "경사하강법(BP)",
    "the random choice of centres: refits": "중심의 무작위 선택: 다시 학습",
    # rbf_explorer: the status line
    "{dataset}: {centres}{clamp}, {beta}, {solver}: training MSE {mse:.4f}, accuracy {acc:.0%}":
        "{dataset}: {centres}{clamp}, {beta}, {solver}: 훈련 MSE {mse:.4f}, 정확도 {acc:.0%}",
    "q = {q} kmeans centres": "k-평균 중심 q = {q}",
    "q = {q} random centres": "무작위 중심 q = {q}",
    "(q = {q}: one centre per sample at most)": "(q = {q}: 샘플마다 중심은 하나까지)",
    "β from {beta:.3g} to {lo:.3g}…{hi:.3g}": "β 변화: {beta:.3g} → {lo:.3g}…{hi:.3g}",
    "largest |w_i| = {w_max:.3g}: bars cut at ±{w_lim:g}":
        "가장 큰 |w_i| = {w_max:.3g}: 막대는 ±{w_lim:g}에서 자름",
    # ---- §5.5.2 ART: plot_boxes, plot_categories_vs_rho, ARTView ----
    "ρ = {rho:g}: {n} categories": "ρ = {rho:g}: 범주 {n}개",
    "vigilance ρ": "경계 수준 ρ",
    "number of categories": "범주 수",
    "vigilance sets the granularity": "경계 수준이 정하는 세분도",
    "not yet presented": "아직 제시하지 않은 샘플",
    "its category's box": "그 샘플의 범주 상자",
    "Fuzzy ART categories (boxes) in input space": "입력 공간의 Fuzzy ART 범주(상자)",
    "whole run": "전체 실행",
    "categories so far": "지금까지의 범주 수",
    "resets (failed match tests) of the sample": "그 샘플의 리셋 (실패한 매칭 검사)",
    "samples presented": "제시한 샘플 수",
    "count": "개수",
    "new categories appear when nothing resonates": "공명하는 범주가 없을 때 생기는 새 범주",
    # art_replay: controls
    "the samples and their order: retrains": "샘플과 제시 순서: 다시 학습",
    "vigilance ρ, the share of the input a category must match: retrains":
        "경계 수준 ρ: 범주가 입력과 매칭되어야 하는 비율; 다시 학습",
    "rate β": "학습률 β",
    "learning rate β (1: the box grows just enough to hold the sample): retrains":
        "학습률 β (1: 상자가 샘플을 담을 만큼만 커짐): 다시 학습",
    "sample": "샘플",
    "Play one sample every {s} s (slow motion)": "재생: {s}초마다 샘플 하나씩 (느린 재생)",
    "how many samples have been presented: replays the recorded run":
        "지금까지 제시한 샘플 수: 기록된 학습을 재생",
    # art_replay: the status line (no particle after a number: 와/과 would depend on it)
    "ρ = {rho:.2f}, β = {beta:.2f}: no sample yet, no category":
        "ρ = {rho:.2f}, β = {beta:.2f}: 아직 샘플도 범주도 없음",
    "ρ = {rho:.2f}, β = {beta:.2f}: sample {k} of {n} {what}; {c} category":
        "ρ = {rho:.2f}, β = {beta:.2f}: 샘플 {k}/{n} → {what}; 범주 {c}개",
    "ρ = {rho:.2f}, β = {beta:.2f}: sample {k} of {n} {what}; {c} categories":
        "ρ = {rho:.2f}, β = {beta:.2f}: 샘플 {k}/{n} → {what}; 범주 {c}개",
    "creates NEW category {j}": "새 범주 {j} 생성",
    "creates NEW category {j} ({r} reset, none resonated)":
        "새 범주 {j} 생성 (리셋 {r}번, 공명 없음)",
    "creates NEW category {j} ({r} resets, none resonated)":
        "새 범주 {j} 생성 (리셋 {r}번, 공명 없음)",
    "resonates with category {j} at once": "공명: 범주 {j} (바로)",
    "resonates with category {j} after {r} reset": "공명: 범주 {j} (리셋 {r}번 후)",
    "resonates with category {j} after {r} resets": "공명: 범주 {j} (리셋 {r}번 후)",
    # ---- §5.5.3 SOM: plot_map, plot_u_matrix, plot_hit_map, ..., SOMView ----
    "map column": "지도의 열",
    "map row": "지도의 행",
    "class {k}": "클래스 {k}",
    "U: mean |w_u - w_v| to neighbours": "U: 이웃까지의 평균 |w_u - w_v|",
    "U-matrix": "U-행렬",
    "samples won": "차지한 샘플 수",
    "Hit map (samples per neuron)": "히트 맵 (뉴런별 샘플 수)",
    "Component plane: {name}": "성분 평면: {name}",
    "data x": "데이터 x",
    "neuron weights w_u": "뉴런 가중치 w_u",
    "quantization error": "양자화 오차",
    "update t": "갱신 t",
    "weights w_u (grid lines join neighbours)": "가중치 w_u (선: 격자 이웃끼리 연결)",
    "The map in the input space": "입력 공간의 지도",
    "U / max U (1 = strongest border)": "U / max U (1 = 가장 뚜렷한 경계)",
    "this training": "이번 학습",
    "all neurons at the mean": "모든 뉴런이 평균에 있을 때",
    "current snapshot": "현재 스냅숏",
    "t / T (share of the updates done)": "t / T (진행한 갱신의 비율)",
    "Quantization error": "양자화 오차",
    "map column →": "지도의 열 →",
    "← map row": "← 지도의 행",
    "t = {t} of {T} updates:  η(t) = {eta:.3g},  σ(t) = {sigma:.2f},  quantization error "
    "{qe:.4f},  topographic error {te:.3f}":
        "갱신 t = {t}/{T}:  η(t) = {eta:.3g},  σ(t) = {sigma:.2f},  양자화 오차 {qe:.4f},  "
        "위상 오차 {te:.3f}",
    # som_explorer: controls
    "the 2-D data the map learns: retrains": "지도가 학습할 2차원 데이터: 다시 학습",
    "rows": "행",
    "the map's rows of neurons: retrains": "지도의 뉴런 행 수: 다시 학습",
    "columns": "열",
    "the map's columns of neurons: retrains": "지도의 뉴런 열 수: 다시 학습",
    "topology": "격자 모양",
    "the grid of neurons, rectangular or hexagonal: retrains":
        "뉴런 격자의 모양, 사각형 또는 육각형: 다시 학습",
    "rectangular": "사각형",
    "hexagonal": "육각형",
    "σ₀": "σ₀",
    "σ(0), the starting neighbourhood radius in grid units: retrains":
        "σ(0), 격자 단위로 잰 처음 이웃 반경: 다시 학습",
    "η₀": "η₀",
    "η(0), the starting learning rate: retrains": "η(0), 처음 학습률: 다시 학습",
    "iterations T": "반복 T",
    "T, the number of single-sample updates: retrains":
        "T, 샘플 하나씩 하는 갱신의 횟수: 다시 학습",
    "the initial weights and the sample order: retrains": "초기 가중치와 샘플 순서: 다시 학습",
    "replay": "다시 보기",
    "the snapshot shown, after step * T / 50 updates: replays the recorded run":
        "표시할 스냅숏 (슬라이더 값 × T / 50번 갱신 후): 기록된 학습을 재생",
    # ---- §5.5.4 cascade-correlation: plot_* , CascadeDiagram, CascadeView ----
    "y = {c} (training)": "y = {c} (훈련)",
    "y = {c} (held-out)": "y = {c} (홀드아웃)",
    "network output ŷ": "신경망 출력 ŷ",
    "ŷ = 0.5 (decision boundary)": "ŷ = 0.5 (결정 경계)",
    "{k} hidden unit: training accuracy {acc:.0%}": "은닉 유닛 {k}개: 훈련 정확도 {acc:.0%}",
    "{k} hidden units: training accuracy {acc:.0%}": "은닉 유닛 {k}개: 훈련 정확도 {acc:.0%}",
    "candidate training": "후보 학습",
    "output training": "출력 학습",
    "epoch (output + candidate training)": "에폭 (출력 학습 + 후보 학습)",
    "training error E": "훈련 오차 E",
    "held-out": "홀드아웃",
    "hidden units k": "은닉 유닛 수 k",
    "frozen weight": "동결된 가중치",
    "trained weight": "학습하는 가중치",
    "area ∝ |w|": "면적 ∝ |w|",
    "cascade with {k} hidden unit": "은닉 유닛 {k}개의 캐스케이드",
    "cascade with {k} hidden units": "은닉 유닛 {k}개의 캐스케이드",
    "its output b": "그 유닛의 출력 b",
    "newest unit's output (frozen)": "가장 최근 유닛의 출력 (동결됨)",
    "no hidden unit yet:\nŷ = f(w·x − θ), so the\nboundary ŷ = 0.5 is a line":
        "아직 은닉 유닛 없음:\nŷ = f(w·x − θ)이므로\n경계 ŷ = 0.5는 직선",
    "later stages": "이후 단계",
    "epoch (output + candidate)": "에폭 (출력 + 후보)",
    # Fahlman and Lebiere in Hangul: only the names of ALLOWED_LATIN stay in Latin letters
    "the network (Fahlman & Lebiere's Fig. 1)": "신경망 구조 (팔먼과 레비에르의 그림 1)",
    "output ŷ (orange 0 … purple 1)": "출력 ŷ (주황 0 … 보라 1)",
    ", {acc:.0%} held-out": ", 홀드아웃 {acc:.0%}",
    "{k} of {n} hidden units, {epochs} epochs: accuracy {acc:.0%} training{test}":
        "은닉 유닛 {k}/{n}개, {epochs} 에폭: 정확도 훈련 {acc:.0%}{test}",
    # cascade_growth: controls and progress line
    "Gaussian noise on the points' coordinates: retrains":
        "점의 좌표에 더하는 가우스 잡음: 다시 학습",
    "candidates": "후보 수",
    "candidate units trained side by side before one is installed: retrains":
        "하나를 추가하기 전에 나란히 학습하는 후보 유닛 수: 다시 학습",
    "the initial weights and the noise: retrains": "초기 가중치와 잡음: 다시 학습",
    "hidden units": "은닉 유닛",
    "the stage shown: replays the recorded growth": "표시할 단계: 기록된 성장 과정을 재생",
    "Play one unit every {s} s (slow motion)": "재생: {s}초마다 유닛 하나씩 (느린 재생)",
    "⏳ <b>growing</b> the network…": "⏳ 신경망을 <b>키우는 중</b>…",
    "(kept from before)": "(이전 결과 재사용)",
    "in {seconds:.2f} s": "({seconds:.2f}초)",
    "grew {units} units, {epochs} epochs {note}": "유닛 {units}개, {epochs} 에폭으로 성장 {note}",
    "; unit limit reached": "; 유닛 수 상한 도달",
    "two spirals": "두 나선",
    ", noise {noise:.2f}": ", 잡음 {noise:.2f}",
    # ---- §5.5.5 Elman: draw_elman_network, draw_unrolled, plot_*, ElmanView ----
    "bit 1\n(random)": "비트 1\n(무작위)",
    "bit 2\n(random)": "비트 2\n(무작위)",
    "bit 3\n(XOR)": "비트 3\n(XOR)",
    "input\n$x_i(t)$": "입력\nxᵢ(t)",
    "context\n$c_h(t) = b_h(t-1)$": "컨텍스트\ncₕ(t) = bₕ(t−1)",
    "hidden\n$b_h(t)$, thresholds $\\gamma_h$": "은닉\nbₕ(t), 임계값 γₕ",
    "output\n$\\hat{y}_j(t)$, thresholds $\\theta_j$": "출력\nŷⱼ(t), 임계값 θⱼ",
    "copy after each step\n(weight 1, not learned)": "매 단계 뒤에 복사\n(가중치 1, 학습하지 않음)",
    "given (0.5)": "주어진 값 (0.5)",
    "chance ({p:g}): always answering 0.5": "우연 수준 ({p:g}): 항상 0.5라고 답함",
    "the predicted bit's place in its triplet": "예측하는 비트의 세 비트 묶음 안 위치",
    "mean squared error $(\\hat{y}-y)^2$": "평균 제곱 오차 (ŷ − y)²",
    "bit in the stream (every 3rd, in bold, is the XOR of the two before)":
        "스트림의 비트 (굵게 쓴 3번째마다: 앞 두 비트의 XOR)",
    "next letter is a consonant": "다음 문자가 자음",
    "next letter is a vowel": "다음 문자가 모음",
    "the letter to predict": "예측할 문자",
    "squared error $\\sum_j(\\hat{y}_j-y_j)^2$": "제곱 오차 Σⱼ(ŷⱼ − yⱼ)²",
    "error by position while training": "학습 중 위치별 오차",
    # elman_explorer: controls, title and status
    "hidden units q": "은닉 유닛 q",
    "hidden units q (as many context units): retrains":
        "은닉 유닛 수 q (컨텍스트 유닛도 같은 수): 다시 학습",
    "learning rate η": "학습률 η",
    "training": "학습 방식",
    "BPTT, or Elman's 1990 rule (the context is only copied back): retrains":
        "BPTT 또는 Elman의 1990년 규칙 (컨텍스트는 복사만 함): 다시 학습",
    "BPTT (through the context)": "BPTT (컨텍스트를 거쳐)",
    "Elman 1990 (copy-back only)": "Elman 1990 (복사만)",
    "the initial weights (the data stay the same): retrains":
        "초기 가중치 (데이터는 그대로): 다시 학습",
    "best table of the last 2 bits": "마지막 두 비트의 최선 테이블",
    "best table knowing the phase": "위상까지 아는 최선 테이블",
    "faint: the default run": "흐린 선: 기본 실행",
    "Elman's 1990 rule (no BPTT)": "Elman의 1990년 규칙 (BPTT 없음)",
    "{rule}, q = {q} hidden units, η = {eta:.3g}, seed {seed}":
        "{rule}, 은닉 유닛 q = {q}, η = {eta:.3g}, 시드 {seed}",
    ": DIVERGED at epoch {epoch}, the last finite weights":
        ": 에폭 {epoch}에서 발산, 마지막 유한한 가중치",
    "epoch {epoch}: mean of the 3 bits {mean:.3f} (2-bit table {table:.3f})":
        "에폭 {epoch}: 세 비트 평균 {mean:.3f} (두 비트 테이블 {table:.3f})",
    # ---- §5.5.6 Boltzmann machine, RBM: plot_*, RBMView ----
    "state s = ($s_1$ … $s_{n}$)": "상태 s = (s₁ … s{n_sub})",
    "energy E(s)": "에너지 E(s)",
    "Energy (5.20) of every state": "모든 상태의 에너지 (5.20)",
    "empirical": "경험적 분포",
    "exact P(s) (5.21)": "정확한 P(s) (5.21)",
    "probability P(s)": "확률 P(s)",
    "Boltzmann distribution (5.21)": "볼츠만 분포 (5.21)",
    "{n} Gibbs chains": "깁스 체인 {n}개",
    "{n} exact samples (noise level)": "정확한 샘플 {n}개 (잡음 수준)",
    "sweeps t": "스윕 t",
    "TV(empirical, P)": "TV(경험적 분포, P)",
    "Gibbs sampling converges to P(s)": "P(s)로 수렴하는 깁스 샘플링",
    "learned filters $w_{\\cdot j}$": "학습된 필터 w·ⱼ",
    "weight $w_{ij}$": "가중치 wᵢⱼ",
    "uniform over $2^{{{d}}}$ states": "2{d_sup}개 상태의 균등 분포",
    "best possible: −ln {m}": "가능한 최선: −ln {m}",
    "mean ln P(v)": "평균 ln P(v)",
    "exact mean ln P(v)": "정확한 평균 ln P(v)",
    "best possible": "가능한 최선",
    "exact log-likelihood of the training patterns": "훈련 패턴의 정확한 로그 가능도",
    "filters $w_{\\cdot j}$ (one per hidden unit)": "필터 w·ⱼ (은닉 유닛마다 하나)",
    "training patterns v": "훈련 패턴 v",
    "reconstructions P(v′ = 1 | h)": "재구성 P(v′ = 1 | h)",
    "samples from the model": "모델에서 뽑은 샘플",
    "↓ falls to {low:.2f} at epoch {epoch} (below the axis)":
        "↓ 에폭 {epoch}에서 {low:.2f}까지 떨어짐 (축 아래)",
    "epoch {epoch}: mean ln P(v) = {ll:.3f}": "에폭 {epoch}: 평균 ln P(v) = {ll:.3f}",
    # rbm_explorer: controls, comparison label and readout
    "learning rate η of (5.24): retrains": "(5.24)의 학습률 η: 다시 학습",
    "CD-k steps k": "CD 스텝 수 k",
    "Gibbs steps per update (CD-k): retrains": "갱신마다의 깁스 스텝 수 (CD-k): 다시 학습",
    "the initial weights, the mini-batch order and the Gibbs draws: retrains":
        "초기 가중치, 미니배치 순서, 깁스 샘플링의 난수: 다시 학습",
    "the epoch shown (0: before training): replays the recorded run":
        "표시할 에폭 (0: 학습 전): 기록된 학습을 재생",
    "faint: default run (η = {eta:g}, CD-{k}, q = {q}, seed {seed})":
        "흐린 선: 기본 실행 (η = {eta:g}, CD-{k}, q = {q}, 시드 {seed})",
    "epoch {epoch}: mean ln P(v) = {ll:.3f} (uniform {uniform:.3f}, best possible "
    "{best:.3f}) &middot; P(the {m} patterns) = {mass:.0%} &middot; reconstruction error "
    "{error:.2g} &middot; {valid} of {m} samples are patterns ({steps} Gibbs steps)":
        "에폭 {epoch}: 평균 ln P(v) = {ll:.3f} (균등 분포 {uniform:.3f}, 가능한 최선 "
        "{best:.3f}) · P(패턴 {m}개) = {mass:.0%} · 재구성 오차 {error:.2g} · 샘플 {m}개 중 "
        "{valid}개가 패턴 (깁스 {steps}스텝)",
}
