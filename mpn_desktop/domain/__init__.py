"""The rules of the Microsoft Partner Network competencies, in plain Python.

Nothing here imports Qt or SQLAlchemy or touches files: facts go in, a
``Progress`` comes out.
"""
