"""Korean strings: notebook_som_cascade_elman (see :mod:`chapter5.i18n.ko`).

The words that the code cells of notebooks 5.5.3 (SOM), 5.5.4 (cascade-correlation) and 5.5.5
(Elman network) print or draw themselves: print labels, table headers, titles, axis labels and
legend labels. Format fields (``{qe:.4f}``), symbols and numbers stay as they are. Where an
English print pads a table header to line up its columns, the Korean header is padded to the
same display width (a Hangul syllable counts as two columns); rows whose names are padded by the
code line up only approximately. Figure texts never mix mathtext with Hangul: the Korean texts
write ``$b_1$`` as ``b₁``.
"""

STRINGS: dict[str, str] = {
    # ---- 5.5.3 SOM ----
    "distances |x - w_u|:": "거리 |x - w_u|:",
    "best-matching unit (row, col):": "최적 매칭 유닛(BMU)의 (행, 열):",
    "u = {u}: grid distance {d}, h_u = {h:.4f}, w_u {w} -> {w_new}":
        "u = {u}: 격자 거리 {d}, h_u = {h:.4f}, w_u {w} -> {w_new}",
    "before": "갱신 전",
    "after one step": "한 번 갱신한 후",
    "sample x": "샘플 x",
    "The winner (u = 1) moves half-way, its neighbours less":
        "승자(u = 1)는 절반만큼, 이웃은 그보다 적게 움직임",
    "exponential": "지수형",
    "asymptotic": "점근형",
    "{schedule}, decay = {decay:g}": "{schedule} 스케줄, decay = {decay:g}",
    "floor σ_min = 0.5": "바닥값 σ_min = 0.5",
    "Learning rate, η₀ = 0.5": "학습률, η₀ = 0.5",
    "σ(t) in grid units": "σ(t) (격자 단위)",
    "Neighbourhood radius, σ₀ = 3": "이웃 반경, σ₀ = 3",
    "snapshots: {shape}  taken after t = {steps} ...": "스냅숏: {shape}  기록 시점 t = {steps} ...",
    "An 8 x 8 SOM unfolding over the unit square": "단위 정사각형 위에서 펼쳐지는 8 x 8 SOM",
    "topographic error": "위상 오차",
    "First the order, then the fit": "순서가 먼저, 맞춤은 그다음",
    "the QE peaks at t = {t}: {qe:.4f}": "QE가 가장 큰 때는 t = {t}이고, 그 값은 {qe:.4f}입니다",
    "quantization error {qe0:.3f} -> {qe:.3f}, topographic error {te0:.3f} -> {te:.3f}":
        "양자화 오차 {qe0:.3f} -> {qe:.3f}, 위상 오차 {te0:.3f} -> {te:.3f}",
    "Random start (t = 0)": "무작위 시작 (t = 0)",
    "After {n} updates": "{n}번 갱신한 후",
    "quantization error {qe0:.3f} (random start) -> {qe:.3f};  topographic error {te:.3f} "
    "({n} of 17 melons)":
        "양자화 오차 {qe0:.3f} (무작위 시작) -> {qe:.3f};  위상 오차 {te:.3f} (수박 17개 중 {n}개)",
    "bad melon": "나쁜 수박",
    "good melon": "좋은 수박",
    "mean U: {u_empty:.2f} on the {n_empty} empty neurons, {u_won:.2f} on the {n_won} that "
    "win a melon":
        "평균 U: 빈 뉴런 {n_empty}개에서 {u_empty:.2f}, 수박을 차지한 뉴런 {n_won}개에서 "
        "{u_won:.2f}",
    "the four brightest cells:": "가장 밝은 칸 네 개:",
    "no melon": "수박 없음",
    "density (z)": "밀도 (z)",
    "sugar (z)": "당도 (z)",
    "The map in the data plane": "데이터 평면 위의 지도",
    # "{name} melons": name is "good" or "bad"
    "melons|good": "좋은",
    "melons|bad": "나쁜",
    "{name} melons -> (row, col): {cells}": "{name} 수박 -> (행, 열): {cells}",
    "mean sugar weight (z) of the {name} melons' BMUs: {w:+.2f}":
        "{name} 수박의 BMU가 가진 당도 가중치(z)의 평균: {w:+.2f}",
    "melons with one of the other class on their neuron or one grid step away: {n} of {m} "
    "({ids})":
        "같은 뉴런이나 한 격자 거리 안에 다른 클래스의 수박이 있는 수박: {m}개 중 {n}개 ({ids})",
    "  grid  neurons  QE mean  TE mean  empty neurons":
        "  격자  뉴런 수  QE 평균  TE 평균     빈 뉴런 수",
    # ---- 5.5.4 cascade-correlation ----
    "{m} training points ({per} per spiral); {n} held-out points between them":
        "훈련 점 {m}개 (나선마다 {per}개); 그 사이의 홀드아웃 점 {n}개",
    "first three points of spiral 1:": "나선 1의 처음 세 점:",
    "Two spirals (stars: i = 0, the outer ends)": "두 나선 (별: i = 0, 바깥쪽 끝)",
    "S = {S:.6f};  dS/dw_1 = {grad:.6f} (the formula),  finite difference {numeric:.6f}":
        "S = {S:.6f};  dS/dw_1 = {grad:.6f} (공식),  유한 차분 {numeric:.6f}",
    "solved: {solved}; {units} hidden units, {epochs} epochs "
    "({output} output + {candidate} candidate training)\n":
        "해결 여부: {solved}; 은닉 유닛 {units}개, {epochs} 에폭 "
        "(출력 학습 {output} + 후보 학습 {candidate})\n",
    " k   candidate epochs    S of unit k   output epochs   E after    training accuracy":
        " k          후보 에폭    유닛 k의 S       출력 에폭   단계 후 E 훈련 정확도",
    "{k} unit: training {train:.0%}, held-out {test:.0%}":
        "유닛 {k}개: 훈련 {train:.0%}, 홀드아웃 {test:.0%}",
    "{k} units: training {train:.0%}, held-out {test:.0%}":
        "유닛 {k}개: 훈련 {train:.0%}, 홀드아웃 {test:.0%}",
    "The network grows one hidden unit at a time": "은닉 유닛을 하나씩 더하며 자라는 신경망",
    "Training error E: it only moves while the outputs train":
        "훈련 오차 E: 출력을 학습하는 동안에만 변함",
    "stage shown: {k} of {n} units, training accuracy {acc:.3f}":
        "표시한 단계: 유닛 {k}/{n}개, 훈련 정확도 {acc:.3f}",
    "BP: $b_1$ after {e} epochs": "BP: {e} 에폭 후의 b₁",
    "cascade: $b_1$, stages 1 to {n}": "캐스케이드: b₁, 단계 1~{n}",
    "$b_1$ (symmetric sigmoid)": "b₁ (대칭 시그모이드)",
    "Hidden unit 1 over the plane: in BP it keeps moving; in the cascade it is frozen":
        "평면 위의 은닉 유닛 1: BP에서는 계속 변하고, 캐스케이드에서는 동결됨",
    "BP unit 1 on the training points: mean |change| from epoch {a} to {b} = {change:.3f} "
    "(its range is -1 to 1)":
        "훈련 점에서 BP 유닛 1의 평균 |변화|, 에폭 {a}부터 {b}까지 = {change:.3f} "
        "(값의 범위는 -1부터 1까지)",
    "cascade unit 1 identical (bit for bit) at stages 1 to {n}:":
        "캐스케이드 유닛 1이 단계 1~{n}에서 (비트 하나까지) 동일:",
    "cascade": "캐스케이드",
    "{name:>7}: {units} hidden units, {epochs} epochs: training accuracy {train:.3f}, "
    "held-out {test:.3f}":
        "{name:>7}: 은닉 유닛 {units}개, {epochs} 에폭: 훈련 정확도 {train:.3f}, "
        "홀드아웃 {test:.3f}",
    "BP, {units} hidden units, {epochs} epochs: {acc:.0%} right":
        "BP, 은닉 유닛 {units}개, {epochs} 에폭: 정확도 {acc:.0%}",
    "cascade, {units} hidden units, {epochs} epochs: {acc:.0%} right":
        "캐스케이드, 은닉 유닛 {units}개, {epochs} 에폭: 정확도 {acc:.0%}",
    "grew {units} hidden units until all {m} training points were right":
        "훈련 점 {m}개를 모두 맞힐 때까지 은닉 유닛 {units}개를 더했습니다",
    "units:   ": "은닉 유닛:",
    "training:": "훈련:     ",
    "test:    ": "테스트:   ",
    "test": "테스트",
    "Training accuracy keeps rising; test accuracy does not":
        "훈련 정확도는 계속 오르지만 테스트 정확도는 오르지 않음",
    "{k} units: training {train:.0%}, test {test:.0%}":
        "유닛 {k}개: 훈련 {train:.0%}, 테스트 {test:.0%}",
    # ---- 5.5.5 Elman network ----
    "An Elman network: d = 1 input, q = 2 hidden units, l = 1 output":
        "엘만 네트워크: 입력 d = 1, 은닉 유닛 q = 2, 출력 l = 1",
    "  (v_ih: input i -> hidden h)": "  (v_ih: 입력 i -> 은닉 h)",
    "  (u_h'h: context unit h' -> hidden unit h)": "  (u_h'h: 컨텍스트 유닛 h' -> 은닉 유닛 h)",
    "t = {t}:  x = {x:g}   b(t) = {b}   y_hat(t) = {y_hat:.4f}   target {y:g}":
        "t = {t}:  x = {x:g}   b(t) = {b}   y_hat(t) = {y_hat:.4f}   목표 {y:g}",
    "The Elman network unrolled over three steps: the same v, u, w in every copy":
        "세 단계로 펼친 엘만 네트워크: 모든 복사본에서 같은 v, u, w",
    "parameter   largest |dE/dp|   BPTT = finite differences   one-step rule off by":
        "매개변수    최대 |dE/dp|      BPTT = 유한 차분     한 단계 규칙의 상대 오차",
    "the first four triplets:": "처음 네 개의 세 비트 묶음:",
    "training: {train} (stretches, steps, inputs);  test: {test} (steps, inputs)":
        "훈련: {train} (구간, 단계, 입력);  테스트: {test} (단계, 입력)",
    # row names padded to 40 characters by the code: similar numbers of Hangul syllables
    # keep the Korean rows roughly in line with one another and with the header
    "always 0.5 (chance)": "항상 0.5라고 답함 (우연)",
    "table of the last 2 bits": "마지막 두 비트 테이블",
    "table of the last 2 bits and the phase": "위상까지 아는 테이블",
    "mean squared error on                    bit 1   bit 2   bit 3 (XOR)   mean of the 3":
        "평균 제곱 오차                                   "
        "비트 1  비트 2  비트 3 (XOR)  세 비트 평균",
    "before training": "학습 전 (초기 가중치)",
    "Elman's rule, 400 epochs": "Elman의 규칙으로 400 에폭 학습",
    "BPTT, 400 epochs": "BPTT로 400 에폭 동안 학습",
    "Elman's rule": "Elman의 규칙",
    "BPTT network after 400 epochs (q = 8)": "400 에폭 학습한 BPTT 신경망 (q = 8)",
    "chance (0.25)": "우연 수준 (0.25)",
    "error over 12 consecutive bits (as in Elman 1990)":
        "연속된 12비트의 오차 (Elman 1990처럼)",
    "bit in the stream (bold: every 3rd, the XOR bit)":
        "스트림의 비트 (굵게: 3번째마다 오는 XOR 비트)",
    "error by position at epoch 400:": "에폭 400에서 위치별 오차:",
    "mean squared error when the next letter is a consonant: {e:.3f}"
    "   (a fair 1-in-3 guess: (2/3)^2 + 2 (1/3)^2 = 0.667)":
        "다음 문자가 자음일 때 평균 제곱 오차: {e:.3f}"
        "   (셋 중 하나를 공평하게 추측하면: (2/3)^2 + 2 (1/3)^2 = 0.667)",
    "mean squared error when the next letter is a vowel:     {e:.3f}":
        "다음 문자가 모음일 때 평균 제곱 오차: {e:.3f}",
    "a fair 1-in-3 guess: 2/3": "셋 중 하나를 공평하게 추측: 2/3",
    "Next-letter prediction: the error is high only where a new consonant starts":
        "다음 문자 예측: 새 자음이 시작되는 곳에서만 오차가 큼",
    "after       ": "앞 문자     ",
}
