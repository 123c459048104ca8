"""Korean strings: figures_5_1_to_5_4 (see :mod:`chapter5.i18n.ko`).

The views of :mod:`chapter5.plots` (neuron, perceptron, diagrams, backprop, practice, playground,
minima) and the dashboards of notebooks 5.1-5.4 (activation_explorer, neuron_explorer,
perceptron_replay, xor_network_explorer, mazur_stepper, bp_xor_trainer, bp_playground,
descent_explorer). Mathematical text keeps its symbols; where the English key writes a Greek
letter as a mathtext command (``$\\theta$``), the Korean text writes the letter itself
(``$θ$``), which draws the same glyph.

Hangul and mathtext never share one text: a text holding a ``$`` is drawn by mathtext in one
font, without the Hangul fallback, so the Korean texts write such formulas in plain Unicode
(``w₁x₁ + w₂x₂ = θ``, ``(R/γ)²``).
"""

STRINGS: dict[str, str] = {
    # ---- shared control labels and words of these dashboards ----
    "data": "데이터",
    "seed": "시드",
    "epoch": "에폭",
    "η": "η",
    "θ": "θ",
    "λ": "λ",
    "w₁": "w₁",
    "w₂": "w₂",
    "noise": "잡음",
    "play": "재생",
    "slow": "느리게",
    "back": "뒤로",
    "next": "다음",
    "reset": "처음으로",
    "start": "시작",
    "update": "갱신",
    "accuracy": "정확도",
    "error E": "오차 E",
    "error E (5.16)": "오차 E (5.16)",
    "slider|step": "스텝",
    # ---- activation functions (dropdown options, titles) ----
    "f": "f",
    "step": "계단 함수",
    "sign": "부호 함수",
    "sigmoid": "시그모이드 함수",
    "tanh": "tanh",
    "relu": "ReLU",
    "linear": "선형 함수",
    # the symbol of the function in y = f(w₁x₁ + w₂x₂ − θ)
    "formula|step": "ε",
    "formula|sign": "sgn",
    "formula|sigmoid": "σ",
    "formula|tanh": "tanh",
    "formula|relu": "ReLU",
    "formula|linear": "f",
    # chapter5.activations.ACTIVATIONS[...].formula
    # (plain text, not mathtext: a title puts the Korean name before it, and mathtext draws
    # every character of a text holding a "$" in one font, which has no Hangul)
    r"$\varepsilon(x)=1$ if $x\geq 0$ else $0$": "ε(x) = 1 (x ≥ 0), 그 외 0",
    r"$\mathrm{sgn}(x)=+1$ if $x\geq 0$ else $-1$": "sgn(x) = +1 (x ≥ 0), 그 외 −1",
    r"$\sigma(x)=1/(1+e^{-x})$": "σ(x) = 1/(1 + e⁻ˣ)",
    r"$\tanh(x)$": "tanh(x)",
    r"$\max(0, x)$": "max(0, x)",
    r"$f(x)=x$": "f(x) = x",
    # ---- §5.1: activation_explorer, neuron_explorer, the M-P neuron ----
    "the activation function f: its graph and its derivative":
        "활성화 함수 f: 그래프와 도함수",
    "x (net input)": "x (순입력)",
    "derivative {note}": "도함수 {note}",
    "= 0 (no slope to follow)": "= 0 (따라갈 기울기 없음)",
    "two values only (hard limit)": "두 값 중 하나만 (하드 리밋)",
    "a continuous range": "연속적인 범위의 값",
    "<b>{name}</b>: outputs {kind}; f(0) = {f0:g}, f'(0) = {df0:g}.":
        "<b>{korean}</b>: 출력은 {kind}; f(0) = {f0:g}, f'(0) = {df0:g}.",
    r"threshold $\theta$": "임계값 θ",
    "activation": "활성화 함수",
    "the weight w₁ of input x₁": "입력 x₁의 가중치 w₁",
    "the weight w₂ of input x₂": "입력 x₂의 가중치 w₂",
    "the threshold θ, subtracted from w·x": "임계값 θ: w·x에서 뺌",
    "the activation f applied to net = w·x − θ": "순입력 w·x − θ에 적용하는 활성화 함수 f",
    r"decision line $w_1x_1 + w_2x_2 = \theta$": "결정 경계 w₁x₁ + w₂x₂ = θ",
    "computes {gate}": "계산하는 함수: {gate}",
    "output is graded, not 0/1": "출력이 0/1이 아닌 연속값",
    "w = 0: the same output everywhere": "w = 0: 어디서나 같은 출력",
    # (the names of chapter5.datasets.BOOLEAN_FUNCTIONS, e.g. "constant 0", are in messages)
    "net = w·x − θ": "순입력 w·x − θ",
    "This neuron computes <b>{gate}</b>.": "이 뉴런이 계산하는 함수: <b>{gate}</b>.",
    "Graded outputs: threshold them at the middle of the range to read a gate.":
        "연속 출력: 범위의 가운데를 임계값으로 삼아 잘라야 논리 게이트로 읽을 수 있습니다.",
    "the book's {label} neuron": "책의 {label} 뉴런",
    # ---- §5.2: perceptron_replay, plot_novikoff, xor_network_explorer, draw_network ----
    "class y = 1": "클래스 y = 1",
    "class y = 0": "클래스 y = 0",
    "the training data: retrains": "훈련 데이터: 다시 학습",
    "learning rate η: retrains": "학습률 η: 다시 학습",
    "initial w₁": "초기 w₁",
    "initial w₂": "초기 w₂",
    "initial θ": "초기 θ",
    "the weight w₁ before training: retrains": "학습 전 가중치 w₁: 다시 학습",
    "the weight w₂ before training: retrains": "학습 전 가중치 w₂: 다시 학습",
    "the threshold θ before training: retrains": "학습 전 임계값 θ: 다시 학습",
    "samples presented so far: replays the recorded run":
        "지금까지 제시한 샘플 수: 기록된 학습을 재생",
    "one step back": "한 스텝 뒤로",
    "one step forward": "한 스텝 앞으로",
    "to the end of the epoch": "에폭 끝으로",
    r"decision line $w \cdot x = \theta$": "결정 경계 w·x = θ",
    "the decision line lies outside this view": "결정 경계가 이 그림 밖에 있습니다",
    "sample being presented": "지금 제시한 샘플",
    "current epoch": "현재 에폭",
    "errors in the epoch (0 = converged)": "에폭의 오분류 수 (0 = 수렴)",
    "start (step 0 of {n}): w = {w}, θ = {theta:.3g}\npress play or move the step slider":
        "시작 (스텝 0/{n}): w = {w}, θ = {theta:.3g}\n재생을 누르거나 스텝 슬라이더를 움직이십시오",
    "epoch {epoch}, step {t} of {n}: x = {x}, {change}\nnow w = {w}, θ = {theta:.3g}":
        "에폭 {epoch}, 스텝 {t}/{n}: x = {x}, {change}\n현재 w = {w}, θ = {theta:.3g}",
    "ŷ = y = {y}: correct, no change": "ŷ = y = {y}: 정답, 변화 없음",
    "converged: epoch {epoch} had no error\n{updates} updates in all":
        "수렴: 에폭 {epoch}에서 오류 없음\n총 {updates}회 갱신",
    "never converges: the weights at the start\nof epoch {repeat} repeat those of epoch {first}":
        "수렴하지 않음: 에폭 {repeat} 시작의 가중치가\n에폭 {first}의 가중치를 되풀이",
    "no error-free epoch\nwithin {n} epochs": "{n} 에폭 안에\n오류 없는 에폭 없음",
    "one random separable set": "무작위 선형 분리 가능 세트 하나",
    r"bound: updates $= (R/\gamma)^2$": "한계: 갱신 횟수 = (R/γ)²",
    r"Novikoff bound $(R/\gamma)^2$": "Novikoff 한계 (R/γ)²",
    "updates made (from w = 0)": "갱신 횟수 (w = 0에서 시작)",
    "γ₁": "γ₁",
    "γ₂": "γ₂",
    "threshold γ₁ of hidden unit h₁ = ε(x₁ − x₂ − γ₁)":
        "은닉 유닛 h₁ = ε(x₁ − x₂ − γ₁)의 임계값 γ₁",
    "threshold γ₂ of hidden unit h₂ = ε(x₂ − x₁ − γ₂)":
        "은닉 유닛 h₂ = ε(x₂ − x₁ − γ₂)의 임계값 γ₂",
    "threshold θ of the output unit y = ε(h₁ + h₂ − θ)": "출력 유닛 y = ε(h₁ + h₂ − θ)의 임계값 θ",
    r"$h_1$: $x_1 - x_2 = \gamma_1$": "$h_1$: $x_1 - x_2 = γ_1$",
    r"$h_2$: $x_2 - x_1 = \gamma_2$": "$h_2$: $x_2 - x_1 = γ_2$",
    "input space: shading = network output y": "입력 공간: 음영 = 신경망 출력 y",
    "hidden space: where each input lands": "은닉 공간: 각 입력이 놓이는 곳",
    r"output line $h_1 + h_2 = \theta$": "출력 유닛의 경계 h₁ + h₂ = θ",
    "the network computes XOR": "신경망이 XOR 함수를 계산합니다",
    "not XOR any more: outputs {y} on (0,0), (0,1), (1,0), (1,1)":
        "더 이상 XOR 함수가 아님: (0,0), (0,1), (1,0), (1,1)에서 출력 {y}",
    "The network {verdict}.": "신경망은 {verdict}.",
    "computes <b>XOR</b>": "<b>XOR</b> 함수를 계산합니다",
    "does <b>not</b> compute XOR": "XOR 함수를 계산하지 <b>않습니다</b>",
    "input layer": "입력층",
    "hidden layer": "은닉층",
    "output layer": "출력층",
    # ---- §5.3: mazur_stepper, bp_xor_trainer, plot_loss_curves ----
    "stage": "단계",
    "the stage of the BP update shown": "표시할 BP 갱신 단계",
    "the previous stage": "이전 단계",
    "the next stage": "다음 단계",
    # chapter5.plots.backprop.MAZUR_STAGES
    "start: the published weights": "시작: 공개된 가중치",
    "1 forward pass: hidden layer, b_h = f(α_h − γ_h)": "1 순전파: 은닉층, b_h = f(α_h − γ_h)",
    "2 forward pass: output layer and error E_k (5.3), (5.4)":
        "2 순전파: 출력층과 오차 E_k (5.3), (5.4)",
    "3 output terms g_j = ŷ_j(1 − ŷ_j)(y_j − ŷ_j) (5.10)":
        "3 출력층 항 g_j = ŷ_j(1 − ŷ_j)(y_j − ŷ_j) (5.10)",
    "4 update w_hj += η g_j b_h (5.11)": "4 갱신 w_hj += η g_j b_h (5.11)",
    "5 hidden terms e_h = b_h(1 − b_h) Σ_j w_hj g_j (5.15), old w":
        "5 은닉층 항 e_h = b_h(1 − b_h) Σ_j w_hj g_j (5.15), 갱신 전 w",
    "6 update v_ih += η e_h x_i (5.13)": "6 갱신 v_ih += η e_h x_i (5.13)",
    "7 forward pass with the new weights: E_k fell": "7 새 가중치로 순전파: E_k 감소",
    "inputs x": "입력 x",
    "hidden b (γ = −0.35)": "은닉 b (γ = −0.35)",
    "outputs ŷ (θ = −0.60)": "출력 ŷ (θ = −0.60)",
    "target {v:g}": "목표 {v:g}",
    "net {net:.4f}\nout {out:.6f}": "순입력 {net:.4f}\n출력 {out:.6f}",
    "out {out:.6f}": "출력 {out:.6f}",
    "Press <b>next</b> to run the forward pass.": "<b>다음</b>을 누르면 순전파를 실행합니다.",
    "book": "책",
    "value": "값",
    "eq.": "식",
    "def.": "정의",
    " (script)": " (스크립트)",
    "hidden q": "은닉 유닛 q",
    "hidden units q: retrains": "은닉 유닛 수 q: 다시 학습",
    "BP": "BP",
    "standard or accumulated BP: retrains": "표준 BP 또는 누적 BP: 다시 학습",
    "standard": "표준",
    "accumulated": "누적",
    "hidden f": "은닉 f",
    "the hidden units' activation: retrains": "은닉 유닛의 활성화 함수: 다시 학습",
    "the random initial weights: retrains": "무작위 초기 가중치: 다시 학습",
    "the epoch shown: replays the recorded run": "표시할 에폭: 기록된 학습을 재생",
    "diverged at epoch {epoch}: the weights blew up\n(η = {eta:.3g} is too large); "
    "showing the last finite weights":
        "에폭 {epoch}에서 발산: 가중치가 폭주했습니다\n(η = {eta:.3g}는 너무 큼); "
        "마지막 유한한 가중치를 표시",
    "epoch {epoch}: E = {E:.2e}, accuracy {right:.0f}/4":
        "에폭 {epoch}: E = {E:.2e}, 정확도 {right:.0f}/4",
    "{mode} BP, 2-{q}-1 network, {activation} hidden units, η = {eta:.3g}, seed {seed}":
        "{mode} BP, 2-{q}-1 신경망, 은닉 유닛 {activation}, η = {eta:.3g}, 시드 {seed}",
    "network output ŷ (orange 0 … purple 1)": "신경망 출력 ŷ (주황 0 … 보라 1)",
    "E per epoch": "에폭별 E",
    "shown epoch": "표시한 에폭",
    "accumulated error E (5.16)": "누적 오차 E (5.16)",
    # ---- §5.3 BP in practice: plot_train_val, plot_eta_sweep, plot_confusion ----
    "curve|training": "훈련",
    "curve|validation": "검증",
    "weights kept (epoch {epoch})": "유지한 가중치 (에폭 {epoch})",
    "stopped (epoch {epoch})": "중단 (에폭 {epoch})",
    # chapter5.backprop.training_regime
    "regime|good": "양호",
    "regime|slow": "느림",
    "regime|stuck": "정체",
    "regime|oscillating": "진동",
    "regime|diverged": "발산",
    "predicted class": "예측 클래스",
    "true class": "실제 클래스",
    # ---- bp_playground ----
    "the data set: retrains": "데이터 세트: 다시 학습",
    "noise added to the toy data: retrains": "토이 데이터에 더하는 잡음: 다시 학습",
    "hidden layers": "은닉층 수",
    "the number of hidden layers: retrains": "은닉층의 개수: 다시 학습",
    "units / layer": "층당 유닛",
    "units in each hidden layer: retrains": "은닉층마다의 유닛 수: 다시 학습",
    "regularization (5.17)": "정규화 (5.17)",
    "weight decay, eq. (5.17), with λ below: retrains":
        "가중치 감쇠, 식 (5.17), 아래의 λ 사용: 다시 학습",
    "λ of (5.17): smaller shrinks the weights more; retrains":
        "(5.17)의 λ: 작을수록 가중치를 더 줄임; 다시 학습",
    "early stopping (patience 30)": "조기 종료 (인내 30)",
    "stop when the validation error stops falling, keep the best weights: retrains":
        "검증 오차가 더 줄지 않으면 멈추고 가장 좋은 가중치를 유지: 다시 학습",
    "the random data split, noise and initial weights: retrains":
        "무작위 데이터 분할, 잡음, 초기 가중치: 다시 학습",
    "⏳ <b>training</b> 300 epochs…": "⏳ 300 에폭 <b>학습 중</b>…",
    "trained {n} epochs in {seconds:.2f} s; scrub or press play":
        "{n} 에폭 학습, {seconds:.2f}초; 슬라이더를 움직이거나 재생을 누르십시오",
    "epoch {epoch}: training E {train_E:.3f}, accuracy {train_acc:.2f}; "
    "validation E {val_E:.3f}, accuracy {val_acc:.2f}":
        "에폭 {epoch}: 훈련 E {train_E:.3f}, 정확도 {train_acc:.2f}; "
        "검증 E {val_E:.3f}, 정확도 {val_acc:.2f}",
    "  (diverged at epoch {epoch})": "  (에폭 {epoch}에서 발산)",
    "  (early stopping kept epoch {epoch})": "  (조기 종료: 에폭 {epoch}의 가중치 유지)",
    "back to epoch 0": "에폭 0으로",
    "{n} epochs back": "{n} 에폭 뒤로",
    "{n} epochs on": "{n} 에폭 앞으로",
    "{label} (training)": "{label} (훈련)",
    "{label} (validation)": "{label} (검증)",
    "hidden $b_{{{k}}}$": "은닉 b{sub}",  # {sub}: k as a subscript digit (₁, ₂, ...)
    "training E": "훈련 E",
    "validation E": "검증 E",
    "training accuracy": "훈련 정확도",
    "validation accuracy": "검증 정확도",
    # ---- §5.4: descent_explorer, plot_surface_1d, plot_paths ----
    "surface": "오차 곡면",
    "the error surface: recomputes the path": "오차 곡면: 경로를 다시 계산",
    "two_valleys": "두 골짜기",
    "rastrigin": "라스트리긴 함수",
    "bowl": "그릇 모양",
    "start w₁": "시작 w₁",
    "start w₂": "시작 w₂",
    "where descent starts, w₁: recomputes the path": "하강 시작점의 w₁: 경로를 다시 계산",
    "where descent starts, w₂: recomputes the path": "하강 시작점의 w₂: 경로를 다시 계산",
    "learning rate η: recomputes the path": "학습률 η: 경로를 다시 계산",
    "momentum": "모멘텀",
    "momentum: the share of the last step kept; recomputes the path":
        "모멘텀: 직전 스텝을 이어 가는 비율; 경로를 다시 계산",
    "the descent step shown: replays the computed path": "표시할 하강 스텝: 계산된 경로를 재생",
    # chapter5.widgets.minima.PRESETS (button labels)
    "near the local minimum": "로컬 미니멈 근처",
    "between the valleys": "골짜기 사이",
    "far corner": "먼 구석",
    "near the global minimum": "글로벌 미니멈 근처",
    ", momentum {m:.2f}": ", 모멘텀 {m:.2f}",
    "{label}: step {k} of {n}, E = {E:.4f}": "{label}: 스텝 {k}/{n}, E = {E:.4f}",
    "  (the point has left the plot)": "  (점이 그림 밖으로 나감)",
    "  DIVERGED: the steps grew without bound": "  발산: 스텝이 한없이 커짐",
    "descent path": "하강 경로",
    "current point": "현재 위치",
    "global minimum": "글로벌 미니멈",
    "local minimum": "로컬 미니멈",
    # live retraining (issue 17): the status of a training still running
    "training: epoch {epoch} of {n}": "학습 중: 에폭 {epoch}/{n}",
    ", E = {E:.2e}": ", E = {E:.2e}",
    "⏳ <b>training</b>: epoch {epoch} of {n}": "⏳ <b>학습 중</b>: 에폭 {epoch}/{n}",
}
