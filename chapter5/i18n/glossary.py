"""The chapter's terms in English and Korean: one Korean term per concept, everywhere.

The Korean notebooks, figures, dashboards and self-check messages use exactly these terms;
both index notebooks print the list in both directions. The first block follows the seed notes
(the Korean summary of the chapter the project grew from, ``shared/reference``) and the Korean
edition of the book (단단한 머신러닝); the rest is the usual usage of Korean machine-learning
textbooks. Where a term is first used in a Korean notebook, the alternative in parentheses is
given once (e.g. 글로벌 미니멈(전역 최솟값)).
"""

from __future__ import annotations

__all__ = ["GLOSSARY", "glossary_rows"]

GLOSSARY: list[tuple[str, str]] = [
    # --- the seed notes' terms (and the Korean edition's) ---
    ("neuron", "뉴런"),
    ("activation function", "활성화 함수"),
    ("step function", "계단 함수"),
    ("sign function", "부호 함수"),
    ("sigmoid function", "시그모이드 함수"),
    ("linear function", "선형 함수"),
    ("threshold", "임계값"),
    ("weight", "가중치"),
    ("parameter", "매개변수"),
    ("bias", "편향"),
    ("layer", "계층"),
    ("node", "노드"),
    ("perceptron", "퍼셉트론"),
    ("learning rate", "학습률"),
    ("training", "학습(훈련)"),
    ("error backpropagation (BP)", "오차 역전파(BP)"),
    ("gradient descent", "경사하강법"),
    ("epoch", "에폭"),
    ("global minimum", "글로벌 미니멈(전역 최솟값)"),
    ("local minimum", "로컬 미니멈(지역 최솟값)"),
    ("simulated annealing", "담금질 기법(시뮬레이티드 어닐링)"),
    ("stochastic gradient descent (SGD)", "확률적 경사하강법(SGD)"),
    ("RBF (radial basis function) network", "방사 기저 함수(RBF) 신경망"),
    ("ART (adaptive resonance theory)", "적응 공명 이론(ART)"),
    ("SOM (self-organizing map)", "자기 조직화 지도(SOM)"),
    # --- the usual Korean textbook terms ---
    ("neural network", "신경망"),
    ("M-P neuron model", "M-P 뉴런 모델"),
    ("input layer", "입력층"),
    ("hidden layer", "은닉층"),
    ("output layer", "출력층"),
    ("hidden unit", "은닉 유닛"),
    ("output unit", "출력 유닛"),
    ("multilayer feedforward network", "다층 피드포워드 신경망"),
    ("dummy node", "더미 노드"),
    ("linearly separable", "선형 분리 가능"),
    ("XOR (exclusive or)", "XOR(배타적 논리합)"),
    ("truth table", "진리표"),
    ("decision boundary", "결정 경계"),
    ("chain rule", "연쇄 법칙"),
    ("partial derivative", "편미분"),
    ("gradient", "기울기(그래디언트)"),
    ("gradient check", "기울기 검사"),
    ("finite difference", "유한 차분"),
    ("error", "오차"),
    ("accumulated error", "누적 오차"),
    ("standard BP", "표준 BP"),
    ("accumulated BP", "누적 BP"),
    ("mini-batch", "미니배치"),
    ("momentum", "모멘텀"),
    ("training set", "훈련 세트"),
    ("validation set", "검증 세트"),
    ("test set", "테스트 세트"),
    ("accuracy", "정확도"),
    ("overfitting", "과적합"),
    ("early stopping", "조기 종료"),
    ("regularization", "정규화"),
    ("weight decay", "가중치 감쇠"),
    ("cross-validation", "교차 검증"),
    ("universal approximation", "보편 근사"),
    ("learning-rate schedule", "학습률 스케줄"),
    ("divergence (of training)", "발산"),
    ("saddle point", "안장점"),
    ("plateau", "평탄한 구간(플래토)"),
    ("genetic algorithm", "유전 알고리즘"),
    ("random restarts", "무작위 재시작"),
    ("Gaussian radial basis function", "가우스 방사 기저 함수"),
    ("center (of an RBF unit)", "중심"),
    ("competitive learning", "경쟁 학습"),
    ("winner-take-all", "승자 독식"),
    ("vigilance", "경계 수준(vigilance)"),
    ("resonance", "공명"),
    ("stability-plasticity dilemma", "안정성-가소성 딜레마"),
    ("best-matching unit (BMU)", "최적 매칭 유닛(BMU)"),
    ("neighbourhood function", "이웃 함수"),
    ("U-matrix", "U-행렬"),
    ("quantization error", "양자화 오차"),
    ("topographic error", "위상 오차"),
    ("cascade-correlation", "캐스케이드 상관"),
    ("candidate unit", "후보 유닛"),
    ("correlation", "상관"),
    ("Elman network", "엘만 네트워크"),
    ("recurrent neural network", "순환 신경망"),
    ("context unit", "컨텍스트 유닛"),
    ("backpropagation through time (BPTT)", "시간 역전파(BPTT)"),
    ("Boltzmann machine", "볼츠만 머신"),
    ("restricted Boltzmann machine (RBM)", "제한 볼츠만 머신(RBM)"),
    ("energy", "에너지"),
    ("Boltzmann distribution", "볼츠만 분포"),
    ("Gibbs sampling", "깁스 샘플링"),
    ("visible unit", "가시 유닛"),
    ("contrastive divergence (CD)", "대조 발산(CD)"),
    ("reconstruction", "재구성"),
    ("step (of an iteration or a sampler)", "스텝"),
    ("net input", "순입력"),
    ("log-likelihood", "로그 가능도"),
    ("dashboard", "대시보드"),
    ("exercise", "연습 문제"),
    ("self-check", "자가 점검"),
    ("solution", "풀이"),
]
"""(English, Korean) pairs, in the order of the chapter."""


def glossary_rows(direction: str = "en-ko") -> list[tuple[str, str]]:
    """The glossary sorted for reading: ``"en-ko"`` by the English term (A-Z), ``"ko-en"``
    by the Korean one (가나다 order), each row (term, translation)."""
    if direction == "en-ko":
        return sorted(GLOSSARY, key=lambda row: row[0].lower())
    if direction == "ko-en":
        return sorted(((ko, en) for en, ko in GLOSSARY), key=lambda row: row[0])
    raise ValueError(f"direction must be 'en-ko' or 'ko-en'; got {direction!r}")
