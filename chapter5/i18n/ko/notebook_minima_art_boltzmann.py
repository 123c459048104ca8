"""Korean strings: notebook_minima_art_boltzmann (see :mod:`chapter5.i18n.ko`).

What the notebooks' own code prints and draws in 5.4 (global and local minima), 5.5.2 (ART)
and 5.5.6 (Boltzmann machine): print labels, table headers, titles, axis labels, legends and
annotations. Keys these share with the package ("global minimum", "local minimum", the data-set
names "three clusters"...) are in the other parts.

Printed tables keep their columns: a header is padded so that its words sit over the numbers
when a Hangul letter is two columns wide; a row that begins with a name of varying width puts
the name last instead. Hangul never shares a text with ``$...$`` (the math font has no Hangul):
the Korean texts write w₁₁, η, ρ in Unicode.
"""

STRINGS: dict[str, str] = {
    # --- 5.4 global and local minima ---
    # §1: the 1-D curve
    "{name:>14} at w = {w:+.4f}:  E = {E:+.4f},  dE/dw = 0: {flat}":
        "{name:>7}: 위치 w = {w:+.4f},  E = {E:+.4f},  dE/dw = 0: {flat}",
    "descent from w = {w0:g}": "w = {w0:g}에서 출발한 경사하강법",
    "Gradient descent stops in the valley it starts in": "경사하강법은 출발한 골짜기에서 멈춥니다",
    # §2: the explorer
    "after 200 steps: w = ({w1:.3f}, {w2:.3f}), E = {E:.4f}":
        "200스텝 후: w = ({w1:.3f}, {w2:.3f}), E = {E:.4f}",
    # §3: the strategies on the two-valley surface
    "simulated annealing": "담금질 기법",
    "genetic algorithm (best)": "유전 알고리즘 (최선)",
    "random restarts (best of 5)": "무작위 재시작 (5번 중 최선)",
    "momentum 0.8": "모멘텀 0.8",
    "gradient descent": "경사하강법",
    "{name:<28} final E {E:+.4f}   evaluations {n:>4}":
        "최종 E {E:+.4f}   평가 횟수 {n:>4}   {name}",
    "Five strategies on the two-valley surface": "두 골짜기 곡면에서 비교한 다섯 가지 전략",
    "axis|step": "스텝",
    "temperature T": "온도 T",
    "share of worse proposals accepted": "받아들인 더 나쁜 제안의 비율",
    "acceptance of worse points ({window}-step window)":
        "더 나쁜 점을 받아들인 비율 ({window}스텝 이동 창)",
    "worse proposals accepted: {first:.2f} in the first 100 such proposals, {last:.2f} in the "
    "last 100":
        "더 나쁜 제안을 받아들인 비율: 처음 100번에서 {first:.2f}, 마지막 100번에서 {last:.2f}",
    # §4: the XOR network's error surface
    "start           E after 150 steps    2,000   10,000   20,000   end point (w11, w21)":
        "출발점             150스텝 후의 E    2,000   10,000   20,000   끝점 (w11, w21)",
    "descent from {start}": "{start}에서 출발한 경사하강법",
    "saddle points (the passes over the ridges)": "안장점 (능선을 넘는 고개)",
    "XOR network: E over the two output weights\n(circle: start, square: after 20,000 steps)":
        "XOR 신경망: 두 출력 가중치에 대한 E\n(원: 출발점, 사각형: 20,000스텝 후)",
    "E on the grid ranges from {low:.4f} to {high:.4f}":
        "격자 위의 E는 {low:.4f}부터 {high:.4f}까지입니다",
    "saddle point at ({w1:.2f}, {w2:.2f}): E = {E:.5f}, curvatures of both signs: {mixed}":
        "안장점 ({w1:.2f}, {w2:.2f}): E = {E:.5f}, 두 곡률의 부호가 다름: {mixed}",
    "local maximum at ({w1:.2f}, {w2:.2f}): E = {E:.5f}, both curvatures negative: "
    "{negative}":
        "로컬 맥시멈 ({w1:.2f}, {w2:.2f}): E = {E:.5f}, 두 곡률이 모두 음수: {negative}",
    "along w21 = 6: E(-6, 6) = {E6:.5f}, E(-5, 6) = {E5:.5f}, highest E = {top:.5f} at w11 = "
    "{w11:.2f}":
        "w21 = 6을 따라: E(-6, 6) = {E6:.5f}, E(-5, 6) = {E5:.5f}, "
        "가장 높은 E = {top:.5f} (w11 = {w11:.2f})",
    "\nat the start (-6, 6):": "\n출발점 (-6, 6)에서:",
    "input   y   y_hat   y_hat(1 - y_hat)   pull on w11":
        "입력    y   y_hat   y_hat(1 - y_hat)   w11을 당기는 힘",
    "the start (-6, 6)": "출발점 (-6, 6)",
    "top of the ridge": "능선 꼭대기",
    "descent goes this way": "경사하강법이 가는 쪽",
    "to the global valley": "글로벌 미니멈의 골짜기 쪽",
    "$w_{11}$ (with $w_{21} = 6$)": "w₁₁ (w₂₁ = 6일 때)",
    "A low ridge between the trap and the global valley":
        "함정과 글로벌 미니멈의 골짜기 사이에 놓인 낮은 능선",
    "SGD, 400 one-sample steps: E = {sgd:.4f};  full gradient, 100 steps: E = {full:.4f}":
        "SGD, 샘플 하나씩 400스텝: E = {sgd:.4f};  전체 기울기, 100스텝: E = {full:.4f}",
    "samples drawn in the first 12 SGD steps:": "SGD의 처음 12스텝에서 뽑은 샘플:",
    # §4: SGD leaves a local minimum
    "{name:>14} at (v11, theta1) = ({v11:+.2f}, {theta1:+.2f}): E = {E:.4f}, both curvatures "
    "positive: {positive}":
        "{name:>7}: (v11, theta1) = ({v11:+.2f}, {theta1:+.2f}), E = {E:.4f}, "
        "두 곡률이 모두 양수: {positive}",
    "at the local minimum: |gradient of E| = 0, |gradient of E_k| for the four examples:":
        "로컬 미니멈에서: |E의 기울기| = 0, 네 샘플 각각의 |E_k의 기울기|:",
    "full-gradient descent, 400 steps with eta = 5: still at the local minimum: {still}":
        "전체 기울기 경사하강법, eta = 5로 400스텝: 여전히 로컬 미니멈에 있음: {still}",
    "the global minimum": "글로벌 미니멈",
    "the local minimum": "로컬 미니멈",
    "SGD with seed {seed}, then descent: E = {E:.4f}, {found}":
        "SGD(시드 {seed}) 뒤 경사하강법: E = {E:.4f}, {found}",
    "SGD, seed {seed}": "SGD, 시드 {seed}",
    "local minimum (the start)": "로컬 미니멈 (출발점)",
    "SGD from a local minimum (dashed: the descent afterwards)":
        "로컬 미니멈에서 출발한 SGD (점선: 그 뒤의 경사하강법)",

    # --- 5.5.2 ART ---
    "({n} resets)": "(리셋 {n}번)",
    "rho = {rho}: {n} categories   {trace}": "rho = {rho}: 범주 {n}개   {trace}",
    "(* = a new category neuron was created)": "(* = 새 범주 뉴런을 만들었습니다)",
    "category {j}: {members}": "범주 {j}: {members}",
    "ART1 prototypes at ρ = 0.8 (black = 1)": "ρ = 0.8에서 ART1의 프로토타입 (검은색 = 1)",
    "number of categories (log scale)": "범주 수 (로그 눈금)",
    "three clusters, with search / the book's rule without search:":
        "세 군집, 탐색 사용 / 탐색 없는 책의 규칙:",
    "categories: {old} after the old clusters, {new} after the new one":
        "범주 수: 기존 군집 뒤 {old}개, 새 군집 뒤 {new}개",
    "old prototypes unchanged:": "기존 프로토타입이 그대로 남음:",
    "categories given to the new samples:": "새 샘플들이 받은 범주:",
    "rho = 0: one box, from {before} to {after}":
        "rho = 0: 상자 하나가 {before}에서 {after}로 늘어납니다",
    "ρ = 0.75, after the old clusters": "ρ = 0.75, 기존 군집들을 학습한 뒤",
    "new cluster (not yet seen)": "새 군집 (아직 제시 전)",
    "ρ = 0.75, after the new one: old boxes kept": "ρ = 0.75, 새 군집까지: 기존 상자는 그대로",
    "ρ = 0: one box stretches over all": "ρ = 0: 상자 하나가 모두를 덮음",

    # --- 5.5.6 Boltzmann machine ---
    "{n} units, {states} states, log Z = {logZ:.4f}, sum of P(s) = {total:.6f}":
        "유닛 {n}개, 상태 {states}개, log Z = {logZ:.4f}, P(s)의 합 = {total:.6f}",
    "state  E(s)     P(s)": "상태   E(s)     P(s)",
    "P(s_2 = 1 | s_1, s_3, s_4) from the joint (5.21): {p:.6f}":
        "P(s_2 = 1 | s_1, s_3, s_4), 결합 분포 (5.21)에서: {p:.6f}",
    "{n} chains after 30 sweeps": "스윕 30번 뒤의 체인 {n}개",
    "sweeps:": "스윕  :",
    "TV of {n} exact samples (mean of 20 draws): {tv:.3f}":
        "정확한 샘플 {n}개의 TV (20번 뽑은 평균): {tv:.3f}",
    "P(v_i = 1 | h = (1, 0)) for i = 1, 2, 3:": "i = 1, 2, 3에 대한 P(v_i = 1 | h = (1, 0)):",
    "ln Z, enumerating the 8 visible states: {lnZ:.4f}":
        "ln Z, 가시 상태 8개를 나열: {lnZ:.4f}",
    "ln Z, enumerating the 4 hidden states : {lnZ:.4f}   (the two agree to 1e-12: {agree})":
        "ln Z, 은닉 상태 4개를 나열: {lnZ:.4f}   (두 값이 1e-12 안에서 일치: {agree})",
    "mean ln P(v) of the three patterns    : {ll:.4f}   (uniform: {uniform:.4f})":
        "세 패턴의 평균 ln P(v)    : {ll:.4f}   (균등 분포: {uniform:.4f})",
    "The 14 bars-and-stripes patterns (black = 1)": "막대와 줄무늬 패턴 14개 (검은색 = 1)",
    "{n} patterns of {d} pixels; every pixel is on in {share:.0%} of them":
        "{d}픽셀 패턴 {n}개; 모든 픽셀이 패턴의 {share:.0%}에서 켜져 있습니다",
    "exact mean ln P(v): {before:.3f} before training, {after:.3f} after 400 epochs "
    "(uniform {uniform:.3f}, best possible {best:.3f})":
        "정확한 평균 ln P(v): 학습 전 {before:.3f}, 400 에폭 뒤 {after:.3f} "
        "(균등 분포 {uniform:.3f}, 가능한 최선 {best:.3f})",
    "probability of the 14 patterns together: {before:.1%} before, {after:.1%} after":
        "패턴 14개의 확률의 합: 학습 전 {before:.1%}, 학습 뒤 {after:.1%}",
    "reconstruction error: {before:.3f} before, {after:.5f} after":
        "재구성 오차: 학습 전 {before:.3f}, 학습 뒤 {after:.5f}",
    "Exact log-likelihood during training (q = 8, η = 1, seed 0)":
        "학습 중의 정확한 로그 가능도 (q = 8, η = 1, 시드 0)",
    "CD-1 filters after 400 epochs": "400 에폭 뒤 CD-1의 필터",
    "mean ln P(v) over epochs 301-400: CD-1 {cd1:.3f}, CD-10 {cd10:.3f}":
        "에폭 301-400의 평균 ln P(v): CD-1 {cd1:.3f}, CD-10 {cd10:.3f}",
    "epoch {epoch}: mean ln P(v) = {ll:.3f}, P(14 patterns) = {mass:.0%}, {valid} of 14 "
    "samples are patterns":
        "에폭 {epoch}: 평균 ln P(v) = {ll:.3f}, P(패턴 14개) = {mass:.0%}, "
        "샘플 14개 중 {valid}개가 패턴입니다",
    "epoch    k   |CD - gradient| / |gradient|   cos(CD, gradient)":
        "에폭     k       |CD - 기울기| / |기울기|     cos(CD, 기울기)",
}
