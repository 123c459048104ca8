"""Korean strings: notebook_5_1_to_5_3 (see :mod:`chapter5.i18n.ko`).

The words that the code cells of notebooks 5.1 (neuron model), 5.2 (perceptron and multilayer
networks) and 5.3 (backpropagation) print or draw themselves: print labels, table headers,
titles, axis labels and legend labels. Format fields (``{E:.9f}``), symbols and numbers stay as
they are. Where an English print pads its labels to line up a column, the Korean text is padded
to the same display width (a Hangul syllable counts as two columns). Figure texts never mix
mathtext with Hangul: the Korean texts write ``$b_h$`` as ``bₕ``, ``$E_k$`` as ``Eₖ``.
"""

STRINGS: dict[str, str] = {
    # ---- 5.1 neuron model ----
    "Layers of nodes, fully connected": "노드로 이루어진 계층, 완전 연결",
    "The M-P neuron (Fig. 5.1)": "M-P 뉴런 모델 (그림 5.1)",
    "net via threshold:": "net (임계값 사용):",
    "net via bias     :": "net (편향 사용)  :",
    "outputs          :": "출력             :",
    "Activation functions f (solid) and their derivatives f' (dashed)":
        "활성화 함수 f(실선)와 그 도함수 f'(점선)",
    "f(1 - f) equals the finite difference (to 1e-9): {ok}":
        "f(1 - f)와 유한 차분이 일치 (1e-9 이내): {ok}",
    "and so does the package's d_sigmoid:            {ok}":
        "패키지의 d_sigmoid도 일치:               {ok}",
    "d_sigmoid(0) = {d}  (the steepest point: 1/4)": "d_sigmoid(0) = {d}  (가장 가파른 점: 1/4)",
    "{name:>14}: {c:6d} neurons": "{name:>14}: 뉴런 {c:6d}개",
    "never computed by one neuron:": "뉴런 하나로는 계산할 수 없는 함수:",
    "one equivalent layer: W has shape {W} and theta {theta}":
        "등가인 계층 하나: W의 모양은 {W}, theta의 모양은 {theta}입니다",
    "same outputs on 100 random inputs:": "무작위 입력 100개에서 출력이 같음:",
    # ---- 5.2 perceptron and multilayer networks ----
    "AND with a threshold: θ inside the node": "임계값을 쓰는 AND: θ는 노드 안에",
    "inputs + dummy node": "입력 + 더미 노드",
    "output": "출력",
    "the same: θ = 2 is the dummy input's weight": "같은 뉴런: θ = 2가 더미 입력의 가중치",
    "y_hat before the update:": "갱신 전 y_hat:",
    "w after : {w}   theta after: {theta}": "갱신 후 w: {w}   갱신 후 theta: {theta}",
    "errors per epoch:": "에폭별 오분류 수:",
    "converged: {converged} after {epochs} epochs and {updates} updates":
        "수렴 여부: {converged} (에폭 {epochs}번, 갱신 {updates}번)",
    "learned w = {w}  theta = {theta}": "학습된 w = {w}  theta = {theta}",
    "predictions on (0,0), (0,1), (1,0), (1,1):": "(0,0), (0,1), (1,0), (1,1)에 대한 예측:",
    "step epoch   x        y  y_hat  w after        theta after":
        "스텝  에폭   x        y  y_hat  갱신 후 w      갱신 후 theta",
    "R = {R:.4f}, gamma = {gamma:.4f}, bound (R/gamma)^2 = {bound:.1f}":
        "R = {R:.4f}, gamma = {gamma:.4f}, 한계 (R/gamma)^2 = {bound:.1f}",
    "updates the perceptron made:": "퍼셉트론이 실제로 한 갱신 횟수:",
    "all converged:": "모두 수렴:",
    "every run within its bound:": "모든 실행이 한계 이내:",
    "updates: median {median:.0f}, max {max}; bound: median {bound_median:.0f}":
        "갱신 횟수: 중앙값 {median:.0f}, 최댓값 {max}; 한계: 중앙값 {bound_median:.0f}",
    "largest updates / bound: {ratio:.3f}": "갱신 횟수 / 한계의 최댓값: {ratio:.3f}",
    "Updates made vs Novikoff's bound (200 separable sets)":
        "갱신 횟수와 Novikoff 한계 (선형 분리 가능 세트 200개)",
    "converged:": "수렴:",
    "cycle:": "순환:",
    "accuracy of the last weights:": "마지막 가중치의 정확도:",
    "Fig. 5.5: a two-layer network that computes XOR": "그림 5.5: XOR 함수를 계산하는 2층 신경망",
    "computes XOR:": "XOR 함수 계산 여부:",
    "perceptron on (h1, h2): converged = {converged} after {updates} updates":
        "(h1, h2)에서 학습한 퍼셉트론: 수렴 = {converged}, 갱신 {updates}번",
    "single hidden layer (d = 3, q = 4, l = 2)": "은닉층 1개 (d = 3, q = 4, l = 2)",
    "two hidden layers": "은닉층 2개",
    # ---- 5.3 backpropagation ----
    "inputs $x_i$": "입력 xᵢ",
    "hidden $b_h$\n(thresholds $\\gamma_h$)": "은닉 bₕ\n(임계값 γₕ)",
    "outputs $\\hat y_j$\n(thresholds $\\theta_j$)": "출력 ŷⱼ\n(임계값 θⱼ)",
    "A single-hidden-layer network (Fig. 5.7)": "은닉층이 하나인 신경망 (그림 5.7)",
    "the published start": "공개된 시작점",
    "$w_{11}$ (Mazur's $w_5$)": "w₁₁ (Mazur의 w₅)",
    "$w_{21}$ (Mazur's $w_6$)": "w₂₁ (Mazur의 w₆)",
    "$E_k$ over two weights, the rest fixed": "두 가중치에 따른 Eₖ (나머지는 고정)",
    "E at the published start (w11, w21) = (0.40, 0.45): {start:.4f};  "
    "smallest on this grid: {smallest:.4f}":
        "공개된 시작점 (w11, w21) = (0.40, 0.45)에서 E: {start:.4f};  "
        "이 격자의 최솟값: {smallest:.4f}",
    "g_j = {g}    (Mazur's delta_o is -g: {minus_g} )":
        "g_j = {g}    (Mazur의 delta_o는 -g: {minus_g} )",
    "E after one update, e_h from the old w (the book's order, as the post describes it): "
    "{E:.9f}":
        "한 번 갱신한 후의 E, 갱신 전 w로 e_h 계산 (책의 순서, 글의 설명대로):       {E:.9f}",
    "E after one update, e_h from the new w (Mazur's first script; the post's number):    "
    "{E:.9f}":
        "한 번 갱신한 후의 E, 갱신 후 w로 e_h 계산 (Mazur의 첫 스크립트, 글의 수치): {E:.9f}",
    "book rule,    after {n:>6} updates: E = {E:.10f}  outputs {y1:.9f}, {y2:.9f}":
        "책의 규칙,   갱신 {n:>6}번 후: E = {E:.10f}  출력 {y1:.9f}, {y2:.9f}",
    "first script, after  10000 updates: E = {E:.10f}  outputs {y1:.9f}, {y2:.9f}":
        "첫 스크립트, 갱신  10000번 후: E = {E:.10f}  출력 {y1:.9f}, {y2:.9f}",
    "after 10000 updates: E = {frozen:.3e} (thresholds frozen), {trained:.3e} "
    "(thresholds trained)":
        "갱신 10000번 후: E = {frozen:.3e} (임계값 고정), {trained:.3e} (임계값 학습)",
    "learned thresholds gamma = {gamma}  theta = {theta}":
        "학습된 임계값 gamma = {gamma}  theta = {theta}",
    "thresholds frozen (as in Mazur's scripts)": "임계값 고정 (Mazur의 스크립트처럼)",
    "thresholds trained too": "임계값도 학습",
    "$E_k$ before the update": "갱신 전 Eₖ",
    "The worked example over 10,000 updates": "계산 예제: 갱신 10,000번",
    "parameters checked:": "검사한 매개변수 수:",
    "first five, backprop   :": "처음 5개, 역전파   :",
    "first five, finite diff:": "처음 5개, 유한 차분:",
    "relative error below 1e-7:": "상대 오차가 1e-7 미만:",
    "eps = {eps:.0e}: relative error {rel:.1e}": "eps = {eps:.0e}: 상대 오차 {rel:.1e}",
    "E after 3000 epochs: {E:.2e}  predictions: {predictions}":
        "3000 에폭 후 E: {E:.2e}  예측: {predictions}",
    "outputs:": "출력:",
    "hidden representation b_h of the four inputs:\n": "네 입력의 은닉 표현 b_h:\n",
    "target $0.5 + 0.35 \\sin 3\\pi x$": "목표 0.5 + 0.35 sin 3πx",
    "41 training samples": "훈련 샘플 41개",
    "q = {q:>2}: largest |error| on [0, 1] = {error:.2g}":
        "q = {q:>2}: [0, 1]에서 |오차|의 최댓값 = {error:.2g}",
    "BP network, $q$ = {q}": "BP 신경망, q = {q}",
    "One hidden layer of $q$ units after 5000 epochs of standard BP":
        "유닛 q개인 은닉층 하나, 표준 BP 5000 에폭 후",
}
