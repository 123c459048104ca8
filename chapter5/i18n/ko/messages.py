"""Korean strings: messages (see :mod:`chapter5.i18n.ko`).

The self-checks of :mod:`chapter5.exercises` (every message a student reads after calling a
checker), the data-set display names of :mod:`chapter5.datasets` (shown by the dashboards'
menus through ``tr(label)``), the "settings as code" toggle of every dashboard, and the text
tables of the core modules (:func:`chapter5.minima.format_comparison`, the worked example's
trace). Code a student types stays as it is: regime names ('slow'), argument names (theta, W),
None.
"""

STRINGS: dict[str, str] = {
    # --- every self-check (chapter5/exercises/_feedback.py) ---
    "✓ Correct.": "✓ 정답입니다.",
    "✗ Not yet.": "✗ 아직 아닙니다.",
    "Fill in your answer above (it is still None), then run this cell again.":
        "위에 답을 채워 넣고(아직 None입니다) 이 셀을 다시 실행하십시오.",

    # --- 5.1 neuron model (neuron_checks) ---
    "Your neuron computes {gate} on all {n} inputs.":
        "작성한 뉴런이 입력 {n}개 모두에서 {gate} 게이트를 계산합니다.",
    "(Keep trying a few, then ask: which straight line would put (0,1) and (1,0) on one side "
    "and (0,0), (1,1) on the other?)":
        "(몇 번 더 시도해 본 뒤 스스로 물어보십시오: 어떤 직선이 (0,1)과 (1,0)을 한쪽에, "
        "(0,0)과 (1,1)을 다른 쪽에 둘 수 있습니까?)",
    "{n_wrong} of {n} inputs are wrong; e.g. x = {x} gives y = {y:g}, but {gate} needs "
    "{target}.":
        "입력 {n}개 중 {n_wrong}개가 틀렸습니다. 예를 들어 x = {x}에서 y = {y:g}이지만 "
        "{gate} 게이트는 {target}이어야 합니다.",
    "Shapes: W should be {W_shape} and theta {theta_shape}; got {W_got} and {theta_got}.":
        "모양이 맞지 않습니다: 필요한 모양은 W {W_shape}, theta {theta_shape}이고, 받은 모양은 "
        "W {W_got}, theta {theta_got}입니다.",
    "One linear layer reproduces the whole stack: depth added nothing.":
        "선형 계층 하나가 쌓인 계층 전체를 그대로 재현합니다: 깊이가 더해 준 것은 없습니다.",
    "At x = 0 your layer gives a different output: check theta (how do the lower layers' "
    "thresholds pass through W?).":
        "x = 0에서 작성한 계층의 출력이 다릅니다: theta를 확인하십시오(아래 계층들의 임계값은 "
        "W를 어떻게 거쳐 갑니까?).",
    "Your theta is right at x = 0, but W gives different outputs on the unit inputs: check "
    "the order of the matrix product.":
        "x = 0에서 theta는 맞지만 W가 단위 입력에서 다른 출력을 냅니다: 행렬 곱의 순서를 "
        "확인하십시오.",
    "Same outputs on every input: the sigmoid neuron is logistic regression.":
        "모든 입력에서 출력이 같습니다: 시그모이드 뉴런이 곧 로지스틱 회귀입니다.",
    "At x = 0 logistic regression gives {lr:.4f} but your neuron gives {mine:.4f}: theta is "
    "too large.":
        "x = 0에서 로지스틱 회귀는 {lr:.4f}, 작성한 뉴런은 {mine:.4f}를 냅니다: theta가 너무 "
        "큽니다.",
    "At x = 0 logistic regression gives {lr:.4f} but your neuron gives {mine:.4f}: theta is "
    "too small.":
        "x = 0에서 로지스틱 회귀는 {lr:.4f}, 작성한 뉴런은 {mine:.4f}를 냅니다: theta가 너무 "
        "작습니다.",

    # --- 5.2 perceptron and multilayer networks (perceptron_checks) ---
    "This run never converges, so no count is right: which gate is it?":
        "이 실행은 수렴하지 않으므로 맞는 횟수가 없습니다: 어떤 게이트입니까?",
    "{answer} updates, spread over {n} epochs with errors and one clean epoch.":
        "갱신 {answer}번: 오류가 있는 에폭 {n}개에 걸쳐 일어났고, 그 뒤에 오류 없는 에폭이 "
        "하나 있습니다.",
    "Not {answer}. Check your first epoch: it has {first} update{s}; carry on from the "
    "weights it leaves.":
        "{answer}번이 아닙니다. 첫 에폭을 확인하십시오: 갱신이 {first}번 있습니다. 그 에폭이 "
        "남긴 가중치에서 이어 가십시오.",
    "Shapes must fit: v is (2, q), gamma (q,), w (q,); got {v}, {gamma}, {w}.":
        "모양이 맞아야 합니다: v는 (2, q), gamma는 (q,), w는 (q,)인데 받은 모양은 {v}, "
        "{gamma}, {w}입니다.",
    "Your {q} hidden unit(s) make XOR linearly separable.":
        "은닉 유닛 {q}개가 XOR를 선형 분리 가능하게 만듭니다.",
    "x = {x} gives y = {y:g}, XOR needs {target}; its hidden representation is {h}.":
        "x = {x}에서 y = {y:g}이지만 XOR는 {target}이어야 합니다. 이 입력의 은닉 표현은 "
        "{h}입니다.",

    # --- 5.3 backpropagation (backprop_checks) ---
    "Your Δv has shape {got}; it needs one entry per (input i, hidden unit h): {want}.":
        "작성한 Δv의 모양은 {got}입니다. (입력 i, 은닉 유닛 h)마다 항목이 하나씩 있어야 "
        "합니다: {want}.",
    "It is off by a constant factor: check eta and signs.":
        "상수배만큼 어긋납니다: eta와 부호를 확인하십시오.",
    "Which term of e_h is missing?": "e_h의 어느 항이 빠졌습니까?",
    "On a random {d}-{q}-{l} network your Δv differs from -η ∂E_k/∂v.":
        "무작위 {d}-{q}-{l} 신경망에서 작성한 Δv가 -η ∂E_k/∂v와 다릅니다.",
    "Your Δv_ih = η e_h x_i matches -η ∂E_k/∂v_ih on 5 random networks.":
        "작성한 Δv_ih = η e_h x_i가 무작위 신경망 5개에서 -η ∂E_k/∂v_ih와 일치합니다.",

    # --- 5.3 BP in practice (practice_checks); 'good', 'slow', ... are what students type ---
    "the weights blew up (BPNetwork's diverged_)":
        "가중치가 발산했다(BPNetwork의 diverged_)",
    "E rose from one epoch to the next in more than 10 % of the epochs of the second half":
        "후반부 에폭의 10 %보다 많은 에폭에서 E가 직전 에폭보다 올랐다",
    "E ended above 90 % of E_1 (it fell by less than 10 %)":
        "E가 E_1의 90 %보다 높게 끝났다(10 % 미만으로 줄었다)",
    "E ended between 20 % and 90 % of E_1": "E가 E_1의 20 %와 90 % 사이에서 끝났다",
    "E ended at or below 20 % of E_1": "E가 E_1의 20 % 이하에서 끝났다",
    "The {n} you filled in are right; {n_open} is still None: fill it in too.":
        "채운 {n}개는 맞습니다. {n_open}개가 아직 None입니다: 그것도 채우십시오.",
    "The {n} you filled in are right; {n_open} are still None: fill them in too.":
        "채운 {n}개는 맞습니다. {n_open}개가 아직 None입니다: 그것들도 채우십시오.",
    "{names} at η = {eta:g}": "η = {eta:g}에서 {names}",
    "{first} and {second}": "{first} 및 {second}",
    "At η = {etas} both names are right: E rose in many epochs of the second half (the path "
    "oscillated), and where it ended gives the second name.":
        "η = {etas}에서는 두 이름이 모두 맞습니다: 후반부의 많은 에폭에서 E가 올랐고(경로가 "
        "진동했고), E가 끝난 곳이 둘째 이름을 정합니다.",
    "Standard BP on watermelon 3.0α: {listing}.": "수박 데이터 3.0α에서 표준 BP: {listing}.",
    "Accumulated BP on watermelon 3.0α: {listing}.": "수박 데이터 3.0α에서 누적 BP: {listing}.",
    "How large is the very first update at this η? See how BPNetwork reports weights that "
    "blow up.":
        "이 η에서 맨 첫 갱신은 얼마나 큽니까? BPNetwork가 발산하는 가중치를 어떻게 알리는지 "
        "보십시오.",
    "The weights stay finite for all 2000 epochs.":
        "가중치는 2000 에폭 내내 유한한 값으로 남습니다.",
    "In the second half of training E rises in at most 10 % of the epochs; 'oscillating' "
    "means {rule}.":
        "학습 후반부에 E가 오르는 에폭은 많아야 10 %입니다. 'oscillating'은 {rule}는 "
        "뜻입니다.",
    "'{guess}' is what standard BP does at η = {eta:g}.":
        "η = {eta:g}에서 '{guess}' 상태를 보이는 것은 표준 BP입니다.",
    "'{guess}' is what accumulated BP does at η = {eta:g}.":
        "η = {eta:g}에서 '{guess}' 상태를 보이는 것은 누적 BP입니다.",
    "One accumulated update follows the average gradient of all 17 melons, once per epoch, "
    "where standard BP makes 17 updates: per epoch, accumulated BP moves the weights less "
    "far, as standard BP would with a smaller η.":
        "누적 BP는 에폭마다 한 번, 수박 17개 전체의 평균 기울기를 따라 갱신하고, 표준 BP는 "
        "17번 갱신합니다: 에폭당 누적 BP는 가중치를 덜 멀리 옮기며, 이는 표준 BP가 더 작은 "
        "η를 쓸 때와 같습니다.",
    "A standard update follows one melon's gradient, 17 times per epoch, where accumulated "
    "BP makes one update along their average: per epoch, standard BP moves the weights "
    "further, as accumulated BP would with a larger η.":
        "표준 BP는 에폭마다 17번, 수박 한 개의 기울기를 따라 갱신하고, 누적 BP는 그 평균을 "
        "따라 한 번 갱신합니다: 에폭당 표준 BP는 가중치를 더 멀리 옮기며, 이는 누적 BP가 더 "
        "큰 η를 쓸 때와 같습니다.",
    "Compare E after 2000 epochs with E_1, the error of the first epoch: it falls further "
    "than '{guess}' means ({rule}).":
        "2000 에폭 뒤의 E를 첫 에폭의 오차 E_1과 비교하십시오: E는 '{guess}'의 기준보다 더 많이 "
        "줄어듭니다. '{guess}'의 기준: {rule}.",
    "Compare E after 2000 epochs with E_1, the error of the first epoch: it falls less far "
    "than '{guess}' means ({rule}).":
        "2000 에폭 뒤의 E를 첫 에폭의 오차 E_1과 비교하십시오: E는 '{guess}'의 기준보다 덜 "
        "줄어듭니다. '{guess}'의 기준: {rule}.",
    "And look at the second half of its error curve: does E only fall?":
        "그리고 오차 곡선의 후반부를 보십시오: E가 줄기만 합니까?",
    "{k} of your {n} predictions are wrong:": "예측 {n}개 중 {k}개가 틀렸습니다:",
    "1 of your {n} predictions is wrong:": "예측 {n}개 중 1개가 틀렸습니다:",
    "Your prediction is wrong:": "예측이 틀렸습니다:",
    "at η = {eta:g}, standard BP is not '{guess}'.":
        "η = {eta:g}에서 표준 BP는 '{guess}' 상태가 아닙니다.",
    "at η = {eta:g}, accumulated BP is not '{guess}'.":
        "η = {eta:g}에서 누적 BP는 '{guess}' 상태가 아닙니다.",

    # --- 5.4 global and local minima (minima_checks) ---
    "The gradient there has length {slope:.3g}, not 0: E still falls in some direction.":
        "그 점의 기울기 크기는 0이 아니라 {slope:.3g}입니다: E가 아직 어떤 방향으로는 "
        "줄어듭니다.",
    "That is the global minimum.": "글로벌 미니멈입니다.",
    "The exercise asks for a local one that is not global.":
        "이 연습 문제는 글로벌 미니멈이 아닌 로컬 미니멈을 묻습니다.",
    "That is a local minimum: the gradient is 0, but E is {gap:.3g} higher than at the "
    "global one.":
        "로컬 미니멈입니다: 기울기는 0이지만 E가 글로벌 미니멈보다 {gap:.3g}만큼 높습니다.",

    # --- 5.5.1 RBF network (rbf_checks) ---
    "Your {q} Gaussian unit(s) compute XOR on all 4 inputs.":
        "가우스 유닛 {q}개가 입력 4개 모두에서 XOR를 계산합니다.",
    "x = {x} gives φ(x) = {phi:.4g}, read as {y}; XOR needs {target}.":
        "x = {x}에서 φ(x) = {phi:.4g}이므로 {y}로 읽히지만, XOR는 {target}이어야 합니다.",

    # --- 5.5.2 ART (art_checks) ---
    "ρ = {rho:g} gives {n} categories on '{dataset}'.":
        "'{dataset}'에서 ρ = {rho:g}이면 범주가 {n}개 생깁니다.",
    "ART creates more than {n} categories at ρ = {rho:g}. Replay it step by step.":
        "ρ = {rho:g}에서 ART는 범주를 {n}개보다 많이 만듭니다. 한 단계씩 다시 재생해 보십시오.",
    "ART creates fewer than {n} categories at ρ = {rho:g}. Replay it step by step.":
        "ρ = {rho:g}에서 ART는 범주를 {n}개보다 적게 만듭니다. 한 단계씩 다시 재생해 보십시오.",

    # --- 5.5.3 SOM (som_checks) ---
    "({r}, {c}) is not a unit of this {rows} x {cols} map: rows are numbered 0 to "
    "{last_row} and columns 0 to {last_col} (counted from 0, as in Python).":
        "({r}, {c}) 위치에는 이 {rows} x {cols} 지도의 유닛이 없습니다: 행 번호는 0부터 "
        "{last_row}까지, 열 번호는 0부터 {last_col}까지입니다(파이썬처럼 0부터 셉니다).",
    "Give the unit as a (row, col) pair, not one number: unit u = row * cols + col is "
    "(u // cols, u % cols).":
        "유닛을 숫자 하나가 아니라 (row, col) 쌍으로 주십시오: 유닛 u = row * cols + col은 "
        "(u // cols, u % cols)입니다.",
    "Unit ({r}, {c}) is the closest: |x - w| = {dist:.4f}.":
        "가장 가까운 유닛은 ({r}, {c})입니다: |x - w| = {dist:.4f}.",
    "Unit ({r}, {c}) is at distance {dist:.4f} from x, but another unit is closer: compare "
    "|x - w_u| for every unit (the distance in the input space, not on the grid).":
        "x에서 유닛 ({r}, {c})까지의 거리는 {dist:.4f}이지만 더 가까운 유닛이 있습니다: "
        "모든 유닛의 |x - w_u|를 비교하십시오(격자 위가 아니라 입력 공간의 거리).",
    "W_new needs one weight vector per unit, shape {want}; got shape {got}.":
        "W_new에는 유닛마다 가중치 벡터가 하나씩 있어야 합니다(모양 {want}). 받은 모양은 "
        "{got}입니다.",
    "The winner {bmu} moved by η = {eta:g} of its way to x, every other unit by η h_u, less "
    "the farther it is on the grid.":
        "승자 {bmu}는 x까지 거리의 η = {eta:g}만큼, 다른 유닛은 모두 η h_u만큼 움직였습니다. "
        "격자 위에서 멀수록 덜 움직입니다.",
    "Nothing moved: every unit moves by η h_u (x - w_u), and h_u > 0.":
        "아무것도 움직이지 않았습니다: 모든 유닛은 η h_u (x - w_u)만큼 움직이고, h_u > 0입니다.",
    "Your units moved away from x: the update adds η h_u (x - w_u), a step towards the "
    "sample.":
        "유닛들이 x에서 멀어졌습니다: 갱신은 샘플 쪽으로 가는 한 걸음 η h_u (x - w_u)를 "
        "더합니다.",
    "Every unit moved by the same share of its way to x: the neighbourhood factor h_u is "
    "missing.":
        "모든 유닛이 x까지 거리의 같은 비율만큼 움직였습니다: 이웃 계수 h_u가 빠졌습니다.",
    "Only the winner moved: its grid neighbours move too, by η h_u (x - w_u) with "
    "h_u = exp(-d_grid^2 / (2 σ^2)).":
        "승자만 움직였습니다: 격자 위 이웃도 η h_u (x - w_u)만큼 움직입니다. 여기서 "
        "h_u = exp(-d_grid^2 / (2 σ^2))입니다.",
    "Your steps are h_u (x - w_u): the learning rate η is missing.":
        "이동량이 h_u (x - w_u)입니다: 학습률 η가 빠졌습니다.",
    "Your h_u uses distances in the input space (between weight vectors or to x). The "
    "neighbourhood is measured on the grid: |r_u - r_u*|, from the units' row and column "
    "positions.":
        "작성한 h_u는 입력 공간의 거리(가중치 벡터 사이 또는 x까지)를 씁니다. 이웃은 격자 "
        "위에서 잽니다: 유닛의 행과 열 위치로 구한 |r_u - r_u*|.",
    "You counted the grid distance in steps along rows and columns; h_u uses the "
    "straight-line distance on the grid, |r_u - r_u*|^2 = Δrow^2 + Δcol^2.":
        "격자 거리를 행과 열을 따라 걸음 수로 셌습니다. h_u는 격자 위의 직선 거리 "
        "|r_u - r_u*|^2 = Δrow^2 + Δcol^2를 씁니다.",
    "In h_u = exp(-|r_u - r_u*|^2 / (2 σ^2)) the grid distance is squared.":
        "h_u = exp(-|r_u - r_u*|^2 / (2 σ^2))에서 격자 거리는 제곱합니다.",
    "Your neighbours moved a little too little: check the 2 in 2 σ^2.":
        "이웃이 조금 덜 움직였습니다: 2 σ^2의 2를 확인하십시오.",
    "Your update is centred on unit {unit}: is that the unit closest to x?":
        "작성한 갱신의 중심이 유닛 {unit}입니다: 그 유닛이 x에 가장 가깝습니까?",
    "Unit ({r}, {c}) is off (it is {g:.3g} grid unit from the winner): recompute its h_u "
    "and its step.":
        "유닛 ({r}, {c})의 값이 어긋났습니다(승자에서 격자 {g:.3g}칸 떨어짐): 이 유닛의 h_u와 "
        "이동량을 다시 계산하십시오.",
    "Unit ({r}, {c}) is off (it is {g:.3g} grid units from the winner): recompute its h_u "
    "and its step.":
        "유닛 ({r}, {c})의 값이 어긋났습니다(승자에서 격자 {g:.3g}칸 떨어짐): 이 유닛의 h_u와 "
        "이동량을 다시 계산하십시오.",

    # --- 5.5.4 cascade-correlation (cascade_checks) ---
    "Your gradient has shape {got}; it needs one entry per incoming weight: {want}.":
        "작성한 기울기의 모양은 {got}입니다. 들어오는 가중치마다 항목이 하나씩 있어야 합니다: "
        "{want}.",
    "On a random candidate ({m} samples, {l} outputs) your gradient differs from dS/dw.":
        "무작위 후보 유닛(샘플 {m}개, 출력 {l}개)에서 작성한 기울기가 dS/dw와 다릅니다.",
    "Are the errors centred (E_p,o minus their mean Ē_o)?":
        "오차를 중심화했습니까(E_p,o에서 평균 Ē_o를 뺐습니까)?",
    "Each output o enters with the sign σ_o of its correlation; is it there?":
        "각 출력 o는 그 상관의 부호 σ_o와 함께 들어갑니다. 그 부호가 있습니까?",
    "σ_o is the sign of the correlation itself, the sum over p of (V_p − V̄)(E_p,o − Ē_o); "
    "is that what yours takes the sign of?":
        "σ_o는 상관 자체, 곧 (V_p − V̄)(E_p,o − Ē_o)를 p에 대해 더한 값의 부호입니다. 작성한 "
        "코드가 부호를 취하는 대상이 그것입니까?",
    "Is the slope f'_p of the candidate's activation in the sum?":
        "후보 유닛 활성화 함수의 기울기 f'_p가 합에 들어 있습니까?",
    "Yours is zero everywhere.": "작성한 기울기는 모든 곳에서 0입니다.",
    "It has the opposite sign: S is to be increased, and dS/dw points the way it grows.":
        "부호가 반대입니다: S는 키워야 하는 값이고, dS/dw는 S가 커지는 방향을 가리킵니다.",
    "It is off by a constant factor.": "상수배만큼 어긋납니다.",
    "Check each factor of the sum over p and o.": "p와 o에 대한 합의 인수를 하나하나 확인하십시오.",
    "Your dS/dw matches the gradient of Fahlman's S on 5 random candidates.":
        "작성한 dS/dw가 무작위 후보 유닛 5개에서 팔먼의 S의 기울기와 일치합니다.",
    "The network stops growing at {n} units (every training point right); pick a stage "
    "from 0 to {n}.":
        "신경망은 유닛 {n}개에서 자라기를 멈춥니다(모든 훈련 점을 맞힘). 0부터 {n}까지에서 "
        "단계를 고르십시오.",
    "{k} unit": "유닛 {k}개",
    "{k} units": "유닛 {k}개",
    "the best of all stages": "모든 단계 중 최고",
    "one validation point short of the best, as good a choice":
        "최고보다 검증 점 하나 모자라지만 똑같이 좋은 선택",
    "With {units} the validation accuracy is {val:.1%}, {how}; on the test data that gives "
    "{test:.1%}, against {test_all:.1%} for the fully grown network of {n} units.":
        "{units}일 때 검증 정확도는 {val:.1%}로, {how}입니다. 테스트 데이터에서는 "
        "{test:.1%}이며, 유닛 {n}개까지 다 자란 신경망은 {test_all:.1%}입니다.",
    "With {units} the validation accuracy is {val:.1%}; a stage with fewer units does "
    "better on the validation data.":
        "{units}일 때 검증 정확도는 {val:.1%}입니다. 유닛이 더 적은 단계가 검증 데이터에서 "
        "더 낫습니다.",
    "With {units} the validation accuracy is {val:.1%}; a stage with more units does better "
    "on the validation data.":
        "{units}일 때 검증 정확도는 {val:.1%}입니다. 유닛이 더 많은 단계가 검증 데이터에서 "
        "더 낫습니다.",

    # --- 5.5.5 Elman network (elman_checks) ---
    "Your {symbol} matches BPTT (and finite differences).":
        "구한 {symbol} 값이 BPTT 결과와 일치합니다(유한 차분과도 일치합니다).",
    "Right size, wrong sign: g_j and e_h point downhill (they are minus derivatives), so the "
    "gradient carries the opposite sign of the update Δ = η g b or η e x.":
        "크기는 맞지만 부호가 틀렸습니다: g_j와 e_h는 내리막을 가리키므로(도함수에 마이너스를 "
        "붙인 값), 기울기는 갱신량 Δ = η g b 또는 η e x와 부호가 반대입니다.",
    "This is the gradient of Elman's original one-step rule: the error that reaches b_h(t) "
    "from later steps through the context weights (the Σ u e(t+1) term of e_h(t)) is "
    "missing.":
        "이것은 Elman의 원래 한 단계 규칙에 따른 기울기입니다: 나중 단계에서 컨텍스트 가중치를 "
        "거쳐 b_h(t)에 이르는 오차(e_h(t)의 Σ u e(t+1) 항)가 빠졌습니다.",
    "Two things: the sign (g and e are minus derivatives), and the error coming back from "
    "later steps through the context.":
        "두 가지입니다: 부호(g와 e는 도함수에 마이너스를 붙인 값), 그리고 나중 단계에서 "
        "컨텍스트를 거쳐 돌아오는 오차.",
    "You averaged over the {T} steps; here E is the sum E(1) + E(2) + E(3).":
        "단계 {T}개에 대해 평균을 냈습니다. 여기서 E는 합 E(1) + E(2) + E(3)입니다.",
    "Then check the sign (g and e are minus derivatives).":
        "그다음 부호를 확인하십시오(g와 e는 도함수에 마이너스를 붙인 값).",
    "Almost: the error from later steps is there, but it comes back through the wrong "
    "entries of u. Check which index of u the error comes back through: b_h(t) reaches "
    "hidden unit h'' at step t + 1 through u_hh'' (context unit h is the FIRST index), so "
    "e_h(t) sums u_hh'' e_h''(t+1) over the SECOND index. In numpy, with u_[h', h]: u_ @ e "
    "or u_.T @ e?":
        "거의 맞았습니다: 나중 단계의 오차가 들어 있지만 u의 엉뚱한 항목을 거쳐 돌아옵니다. "
        "오차가 u의 어느 첨자를 거쳐 돌아오는지 확인하십시오: b_h(t)는 u_hh''를 거쳐 단계 "
        "t + 1의 은닉 유닛 h''에 이릅니다(컨텍스트 유닛 h가 첫째 첨자). 따라서 e_h(t)는 "
        "u_hh'' e_h''(t+1)을 둘째 첨자에 대해 더합니다. numpy에서 u_[h', h]라면 u_ @ e입니까, "
        "u_.T @ e입니까?",
    "That is the right method for another entry, ∂E/∂{name}, not {symbol}: check the "
    "subscripts (u_h'h: the first subscript is the context unit h', the second the hidden "
    "unit h); the book's start at 1, numpy's at 0.":
        "방법은 맞지만, 구한 값은 {symbol} 대신 다른 항목 ∂E/∂{name}의 값입니다: 첨자를 "
        "확인하십시오(u_h'h: 첫째 첨자는 컨텍스트 유닛 h', 둘째는 은닉 유닛 h). 책의 첨자는 "
        "1부터, numpy의 인덱스는 0부터 시작합니다.",
    "That is the right method for another entry, ∂E/∂{name}, not {symbol}: check the "
    "subscripts; the book's start at 1, numpy's at 0.":
        "방법은 맞지만, 구한 값은 {symbol} 대신 다른 항목 ∂E/∂{name}의 값입니다: 첨자를 "
        "확인하십시오. 책의 첨자는 1부터, numpy의 인덱스는 0부터 시작합니다.",
    "Not this value. Start at the last step: g(3) and e_h(3) have no later error to add; "
    "then walk back to t = 2 and t = 1, adding each step's share.":
        "이 값이 아닙니다. 마지막 단계부터 시작하십시오: g(3)과 e_h(3)에는 더할 나중 오차가 "
        "없습니다. 그다음 t = 2, t = 1로 거슬러 가며 각 단계의 몫을 더하십시오.",

    # --- 5.5.6 Boltzmann machine (boltzmann_checks) ---
    "P(s = {s}) is right: e^(-E(s)) over the sum of e^(-E(t)) for all {n} states.":
        "P(s = {s})가 맞습니다: e^(-E(s))를 상태 {n}개 모두의 e^(-E(t)) 합으로 나눈 "
        "값입니다.",
    "That is e^(-E(s)) alone: divide by Σ_t e^(-E(t)) over all {n} states (5.21).":
        "그것은 e^(-E(s))뿐입니다: 상태 {n}개 모두에 대한 Σ_t e^(-E(t))로 나누십시오(5.21).",
    "A probability lies between 0 and 1: did you divide by the sum over all states (5.21)?":
        "확률은 0과 1 사이에 있습니다: 모든 상태에 대한 합으로 나누었습니까(5.21)?",
    "Check the sign of θ: (5.20) has - θ_i s_i, so a positive θ_i lowers the energy of "
    "s_i = 1.":
        "θ의 부호를 확인하십시오: (5.20)에는 - θ_i s_i가 있으므로 양수 θ_i는 s_i = 1의 에너지를 "
        "낮춥니다.",
    "Check the sign of the pair term: (5.20) has - w_ij s_i s_j.":
        "쌍 항의 부호를 확인하십시오: (5.20)에는 - w_ij s_i s_j가 있습니다.",
    "Each pair counts once in (5.20): the double sum runs over i < j only.":
        "(5.20)에서 각 쌍은 한 번만 셉니다: 이중 합은 i < j에 대해서만 더합니다.",
    "P(s) is proportional to e^(-E(s)): the lower the energy, the more likely the state.":
        "P(s)는 e^(-E(s))에 비례합니다: 에너지가 낮을수록 그 상태가 나올 확률이 높습니다.",
    "Close: give three decimals. Your value agrees with P(s) only to fewer digits, so the "
    "method looks right; keep the unrounded e^(-E) values until the last step.":
        "거의 맞았습니다: 소수점 아래 세 자리까지 답하십시오. 값이 P(s)와 그보다 적은 "
        "자릿수까지만 일치하니 방법은 맞아 보입니다. e^(-E) 값은 마지막 단계까지 반올림하지 "
        "마십시오.",
    "That is not P(s) for this machine. Compute E(t) (5.20) for all {n} states, then "
    "e^(-E(s)) / Σ_t e^(-E(t)) (5.21).":
        "이 볼츠만 머신의 P(s)가 아닙니다. 상태 {n}개 모두의 E(t)(5.20)를 계산한 다음 "
        "e^(-E(s)) / Σ_t e^(-E(t))(5.21)를 구하십시오.",
    "No distribution does better than the training set's own (Gibbs' inequality); an RBM "
    "can only approach it.":
        "훈련 세트 자신의 분포보다 나은 분포는 없습니다(깁스 부등식). RBM은 그 분포에 다가갈 "
        "수 있을 뿐입니다.",
    "A probability is at most 1, so its logarithm is never positive.":
        "확률은 1 이하이므로 그 로그는 결코 양수가 아닙니다.",
    "P cannot give every pattern probability 1: its probabilities sum to 1.":
        "P가 모든 패턴에 확률 1을 줄 수는 없습니다: 확률의 합은 1입니다.",
    "That is the uniform distribution over all 2^{d} states. A model may put all its mass "
    "on the training patterns instead.":
        "그것은 상태 2^{d}개 전체에 대한 균등 분포입니다. 모델은 그 대신 확률을 모두 훈련 "
        "패턴에 몰아줄 수 있습니다.",
    "Right idea, wrong logarithm: the log-likelihood uses the natural log, ln.":
        "생각은 맞지만 로그가 틀렸습니다: 로그 가능도는 자연로그 ln을 씁니다.",
    "That is the sum over the {m} patterns; the question asks for the mean, "
    "(1/m) Σ_k ln P(x_k), not the sum.":
        "그것은 패턴 {m}개에 대한 합입니다. 문제는 합이 아니라 평균 (1/m) Σ_k ln P(x_k)를 "
        "묻습니다.",
    "Close: give three decimals. Your value agrees with the best only to fewer digits, so "
    "the idea looks right.":
        "거의 맞았습니다: 소수점 아래 세 자리까지 답하십시오. 값이 최댓값과 그보다 적은 "
        "자릿수까지만 일치하니 생각은 맞아 보입니다.",
    "Too high: no distribution reaches that. How much probability can each pattern get if "
    "they share a total of 1?":
        "너무 큽니다: 어떤 분포도 거기에 이르지 못합니다. 패턴들이 합계 1을 나눠 가진다면 각 "
        "패턴은 확률을 얼마나 받을 수 있습니까?",
    "A model can do better than that. Which distribution over binary vectors makes "
    "(1/m) Σ ln P(x_k) as large as possible?":
        "모델은 그보다 더 잘할 수 있습니다. 이진 벡터에 대한 어떤 분포가 (1/m) Σ ln P(x_k)를 "
        "가장 크게 만듭니까?",

    # --- data-set display names (chapter5/datasets: the dashboards' menus call tr(label)) ---
    "AND": "AND",
    "OR": "OR",
    "NAND": "NAND",
    "NOR": "NOR",
    "XOR": "XOR",
    "xor": "XOR",
    "XOR (not separable)": "XOR (분리 불가능)",
    "30 points, wide margin": "점 30개, 넓은 마진",
    "30 points, narrow margin": "점 30개, 좁은 마진",
    "circles": "동심원",
    "moons": "반달",
    "spiral": "나선",
    "two_spirals": "두 나선",
    "square": "정사각형",
    "watermelon": "수박",
    "watermelon 3.0α": "수박 3.0α",
    "three clusters": "세 군집",
    "a new cluster arrives": "새 군집 등장",
    "uniform": "균등 분포",
    # the 16 Boolean functions of two inputs (datasets.BOOLEAN_FUNCTIONS; shown by tr(name))
    "constant 0": "상수 0",
    "constant 1": "상수 1",
    "x1": "x1",
    "x2": "x2",
    "NOT x1": "NOT x1",
    "NOT x2": "NOT x2",
    "x1 AND NOT x2": "x1 AND NOT x2",
    "NOT x1 AND x2": "NOT x1 AND x2",
    "x1 OR NOT x2": "x1 OR NOT x2",
    "NOT x1 OR x2": "NOT x1 OR x2",
    "XNOR": "XNOR(동치)",

    # --- every dashboard: the "settings as code" toggle (chapter5/widgets/_base.py) ---
    "settings as code": "설정을 코드로",
    "show the Python call that rebuilds this dashboard as it is now":
        "이 대시보드를 지금 상태 그대로 다시 만드는 파이썬 호출을 보여 줍니다",

    # --- chapter5.minima.format_comparison ---
    "comparison|strategy": "전략",
    "comparison|reached global": "글로벌 도달",
    "comparison|mean final E": "평균 최종 E",
    "comparison|evaluations": "평가 횟수",
    "comparison|gradient descent": "경사하강법",
    "comparison|momentum": "모멘텀",
    "comparison|simulated annealing": "담금질 기법",
    "comparison|random restarts": "무작위 재시작",
    "comparison|genetic algorithm": "유전 알고리즘",

    # --- chapter5.worked_example: the trace table (repr of mazur_trace()) ---
    "worked example|stage": "단계",
    "worked example|Mazur": "Mazur",
    "worked example|book": "책",
    "worked example|value": "값",
    "worked example|eq.": "식",
    "worked example|def.": "정의",
    "worked example|forward": "순전파",
    "worked example|error": "오차",
    "worked example|output deltas": "출력층 델타",
    "worked example|output gradients": "출력층 기울기",
    "worked example|output updates": "출력층 갱신",
    "worked example|hidden deltas": "은닉층 델타",
    "worked example|hidden gradients": "은닉층 기울기",
    "worked example|hidden updates": "은닉층 갱신",
    "worked example|threshold updates": "임계값 갱신",
    "worked example|after": "갱신 후",
}
