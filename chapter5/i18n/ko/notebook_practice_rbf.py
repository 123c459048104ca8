"""Korean strings: the notebooks' own code in 5.3-bp-in-practice and 5.5.1-rbf-network (see
:mod:`chapter5.i18n.ko`).

What these two notebooks print and draw themselves: table headers, status lines, axis labels,
legends and titles. A table header is one key with the English padding; its Korean text is
padded for a monospace font in which a Hangul letter takes two columns, so that it lines up
with the rows (approximately where a Korean label is wider than its column). Option values a
student types (regime names such as 'slow') stay as they are. Formulas are plain Unicode here
(φ, ρ₁, β), not mathtext: the math font has no Hangul.
"""

STRINGS: dict[str, str] = {
    # --- 5.3-bp-in-practice: standard vs accumulated BP ---
    "watermelon 3.0: {n} inputs (17 one-hot + density + sugar); {n_tr} training and "
    "{n_va} validation melons (the book's split)":
        "수박 데이터 세트 3.0: 입력 {n}개(원-핫 17개 + 밀도 + 당도), 훈련용 수박 {n_tr}개와 "
        "검증용 수박 {n_va}개(책의 분할)",
    "mode          epochs  updates  train acc  val acc   to reach E < 0.01":
        "방식           에폭 수  갱신 수 훈련 정확도 검증 정확도   E < 0.01까지",
    "{mode}, training": "{mode}, 훈련",
    "{mode}, validation": "{mode}, 검증",
    "per epoch": "에폭 기준",
    "per update": "갱신 기준",
    "parameter updates": "매개변수 갱신 횟수",
    "the 10 changes of v_(density,3), x 1000:": "v_(밀도,3)의 변화 10번 (× 1000):",
    "net change {net:+.3f}, total movement {total:.3f}: {share:.0f}% of the movement "
    "cancels out":
        "순변화 {net:+.3f}, 총 이동량 {total:.3f}: 움직임의 {share:.0f}%가 서로 상쇄됩니다",

    # --- 5.3-bp-in-practice: learning rate, overfitting ---
    "     eta regime        final E  accuracy  note":
        "       η 양상           최종 E    정확도  비고",
    "diverged at epoch {epoch}": "{epoch} 에폭에서 발산",
    "Learning-rate regimes, standard BP on watermelon 3.0α":
        "학습률에 따른 양상: 수박 데이터 세트 3.0α, 표준 BP",
    "early stopping: stopped after {n} epochs, kept epoch {best}; validation E {E:.4f}, "
    "validation accuracy {acc:.3f}":
        "조기 종료: {n} 에폭 뒤 멈추고 {best} 에폭의 가중치를 남김, 검증 E {E:.4f}, "
        "검증 정확도 {acc:.3f}",
    "5000 epochs:    validation E {E:.4f}, validation accuracy {acc:.3f}, "
    "training E {E_tr:.5f}":
        "5000 에폭: 검증 E {E:.4f}, 검증 정확도 {acc:.3f}, 훈련 E {E_tr:.5f}",
    "Training and validation error (19-10-1, accumulated BP, η = 0.5)":
        "훈련 오차와 검증 오차 (19-10-1, 누적 BP, η = 0.5)",
    " lambda  train E   val E  val acc  sum w^2":
        "      λ   훈련 E  검증 E 검증 정확도  Σ w²",
    "validation error E": "검증 오차 E",
    "Σ w² (right axis)": "Σ w² (오른쪽 축)",
    "Regularization: smaller weights as λ decreases": "정규화: λ가 작을수록 가중치가 작아집니다",
    "λ = {lam}: training accuracy {acc:.2f}": "λ = {lam}: 훈련 정확도 {acc:.2f}",
    "density": "밀도",
    "sugar content": "당도",

    # --- 5.3-bp-in-practice: adaptive learning rates, scikit-learn ---
    "iris": "붓꽃(Iris)",
    "breast cancer": "유방암",
    "standard BP": "표준 BP",
    "standard + bold driver": "표준 + 볼드 드라이버",
    "standard + momentum 0.9": "표준 + 모멘텀 0.9",
    "accumulated BP": "누적 BP",
    "accumulated + bold driver": "누적 + 볼드 드라이버",
    "data set       rule                       epochs updates largest η  train E  test E "
    "test right":
        "데이터 세트    규칙                      에폭 수 갱신 수    최대 η   훈련 E 테스트 E "
        "맞힌 수",
    "training error E (5.16)": "훈련 오차 E (5.16)",
    "target E = {target}": "목표 E = {target}",
    "{name}: until E < {target} or {budget} epochs": "{name}: E < {target} 또는 {budget} 에폭까지",
    "Iris, test set (standard BP + bold driver)":
        "붓꽃(Iris), 테스트 세트 (표준 BP + 볼드 드라이버)",
    "BPNetwork (standard BP)": "BPNetwork (표준 BP)",
    "Iris, 5-fold cross-validation: test flowers classified right per fold":
        "붓꽃(Iris), 5겹 교차 검증: 폴드마다 올바르게 분류한 테스트 꽃의 수",
    "mean accuracy {acc:.1f} %": "평균 정확도 {acc:.1f} %",

    # --- 5.5.1-rbf-network ---
    "bias = {bias:.4f}": "편향 = {bias:.4f}",
    r"output line $\varphi$ = 0.5": "출력 직선 φ = 0.5",
    "x = (0, 1) and (1, 0)": "x = (0, 1)과 (1, 0)",
    r"$\rho_1$ (centre (0, 0))": "ρ₁ (중심 (0, 0))",
    r"$\rho_2$ (centre (1, 1))": "ρ₂ (중심 (1, 1))",
    "hidden space: XOR is linearly separable": "은닉 공간: XOR이 선형 분리 가능합니다",
    "k-means centres (standardized density, sugar):": "k-평균 중심 (표준화한 밀도, 당도):",
    "cluster sizes:": "군집 크기:",
    "{how:>6} centres, q = {q}: training MSE {mse:.4f}, accuracy {acc:.0%}":
        "{how} 중심, q = {q}: 훈련 MSE {mse:.4f}, 정확도 {acc:.0%}",
    "density (standardized)": "밀도 (표준화)",
    "sugar content (standardized)": "당도 (표준화)",
    "q = 6 {how} centres, $\\beta$ = 1: accuracy {acc:.0%}":
        "q = 6, {how} 중심, β = 1: 정확도 {acc:.0%}",
    "E after least squares (beta = 1 for all): {E:.3f}": "최소제곱법 후 E (모든 β = 1): {E:.3f}",
    "E after 2000 epochs of gradient descent:   {E:.3f}": "경사하강법 2000 에폭 후 E:    {E:.3f}",
    "learned widths beta_i (2 significant digits):": "학습된 폭 β_i (유효숫자 2자리):",
    "widened (beta_i < 1): {wide} units; narrowed (beta_i > 1): {narrow}":
        "넓어진 유닛 (β_i < 1): {wide}개, 좁아진 유닛 (β_i > 1): {narrow}개",
    r"descent on $w$, bias and $\beta$ (q = 4)": "w, 편향, β에 대한 경사하강법 (q = 4)",
    "underfits": "과소적합",
    "about right": "적당함",
    "overfits": "과적합",
    "q = {q}, $\\beta$ = {b:g} {what}: test {acc:.0%}":
        "q = {q}, β = {b:g}, {what}: 테스트 {acc:.0%}",
    "q = {q:3d}: largest |w_i| = {w:8.1f}, bias = {bias:7.2f}":
        "q = {q:3d}: 최대 |w_i| = {w:8.1f}, 편향 = {bias:7.2f}",
    "training MSE {mse:.6f}, accuracy {acc:.0%}": "훈련 MSE {mse:.6f}, 정확도 {acc:.0%}",
}
