"""The four step tabs of the main window: sales, exams and people, references, fee."""
