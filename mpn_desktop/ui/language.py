"""The window's language (the system's or the one chosen in View ▸ Language) and its translator.

The Qt strings' German lives in ``resources/translations/mpn_desktop_de.ts``
(written by ``scripts/translations``: pyside6-lupdate, then translated by
hand) and is read from the ``.qm`` that pyside6-lrelease builds beside it. The
``.qm`` is committed so a checkout, a wheel and a frozen bundle run without a
build step; ``tests/ui/test_translations.py`` fails when it is out of date.
"""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QAction, QActionGroup

from mpn_desktop.domain import vocabulary

log = logging.getLogger(__name__)

SYSTEM = "system"
LANGUAGES = (SYSTEM, "en", "de")
"""What View ▸ Language offers: the system's language, English, German."""

_LOCALES = {
    "en": (QLocale.Language.English, QLocale.Country.UnitedStates),
    "de": (QLocale.Language.German, QLocale.Country.Germany),
}
"""The locale whose figures and days a language chosen in View ▸ Language shows."""

_LOCALE_BEFORE: list[QLocale] = []
"""The default locale a chosen language replaced (``remove_translators`` puts it back)."""

TRANSLATED = ("de",)
"""The languages a translation is shipped for; any other is shown in English."""

LANGUAGE_ACTIONS = {
    "languageSystemAction": SYSTEM,
    "languageEnglishAction": "en",
    "languageGermanAction": "de",
}
"""View ▸ Language's entries (objectName to setting), declared in ``menu_specs``."""


def language_shown(setting: str, system: QLocale | None = None) -> str:
    """The language the window is shown in: the setting's, else the system locale's."""
    if setting in LANGUAGES and setting != SYSTEM:
        return setting
    locale = system if system is not None else QLocale.system()
    # uiLanguages() follows LANGUAGE/LC_MESSAGES and the desktop's choice of order.
    for name in locale.uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in TRANSLATED or code == "en":
            return code
    return "en"


def translation_file(language: str) -> str:
    """The path of the program's ``.qm`` for ``language`` ('' when none is shipped)."""
    folder = resources.files("mpn_desktop.resources") / "translations"
    item = folder / f"mpn_desktop_{language}.qm"
    return str(item) if item.is_file() else ""


class ContextFallbackTranslator(QTranslator):
    """A translator that also looks a text up without its context.

    pyside6-lupdate files the texts of the modules' ``_tr()`` helpers and of
    ``menu_specs._t()`` under the empty context (it cannot see the context the
    helper passes on), so a text not found under its own context is looked up
    there before it stays English.
    """

    def translate(
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:
        """The translation of ``source_text`` under ``context``, else under the empty one.

        None (a null QString) when there is none, so Qt asks the next translator
        and falls back to the English: an empty string would show as an empty text.
        """
        found = super().translate(context, source_text, disambiguation, n)
        if not found and context:
            found = super().translate("", source_text, disambiguation, n)
        return found or None


def install_translators(app: QCoreApplication, setting: str) -> list[QTranslator]:
    """Installs the program's and Qt's own translation (the standard buttons) for the language.

    Returns the translators installed (kept by the caller: Qt does not own
    them); for English, or a language without a translation, only the English
    plural forms.
    """
    follow_chosen_locale(setting)
    language = language_shown(setting)
    path = translation_file(language) if language in TRANSLATED else ""
    if not path:
        return install_english_plurals(app)
    installed: list[QTranslator] = []
    ours = ContextFallbackTranslator(app)
    if ours.load(path):
        app.installTranslator(ours)
        installed.append(ours)
    else:
        log.warning("the %s translation in %s could not be read", language, path)
        return []
    # One language for the window: the sentences the domain and the checklist write follow it.
    vocabulary.use_language(language)
    qt_own = QTranslator(app)
    if any(qt_own.load(f"qtbase_{language}", folder) for folder in qt_translation_folders()):
        app.installTranslator(qt_own)
        installed.append(qt_own)
    else:
        log.info("Qt's own %s translation (qtbase_%s.qm) was not found", language, language)
    return installed


def follow_chosen_locale(setting: str) -> None:
    """A language chosen in View ▸ Language brings its locale's figures and days to the window.

    The tables and the status panel write figures in QLocale's default
    (``ui.locale_text``) and the sentences in the chosen language, so German
    chosen on an English system would read "US$ 0 von US$ 15,000" in one line.
    With the system's language the system's locale stays, whatever it is.
    """
    if setting not in _LOCALES:
        return
    if not _LOCALE_BEFORE:
        _LOCALE_BEFORE.append(QLocale())
    QLocale.setDefault(QLocale(*_LOCALES[setting]))


def qt_translation_folders() -> list[str]:
    """Where Qt's own translations may be: Qt's own answer, then PySide6's folder.

    A frozen bundle keeps them under ``PySide6/Qt/translations`` beside the
    package (packaging/mpn-desktop.spec keeps qtbase_de.qm), which is where
    ``PySide6.__file__`` points whatever Qt's library paths say there.
    """
    import PySide6

    folders = [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)]
    beside = Path(PySide6.__file__).parent / "Qt" / "translations"
    if str(beside) not in folders:
        folders.append(str(beside))
    return folders


def install_english_plurals(app: QCoreApplication) -> list[QTranslator]:
    """Installs the English forms of the texts with a count ("%n record(s)": 1 record, 2 records).

    Qt writes a numerus text's source as it stands ("1 record(s)") unless a
    translation gives its forms, English included (``mpn_desktop_en.qm`` holds
    only those). Returns the translator installed, or none when it cannot be read.
    """
    path = translation_file("en")
    english = ContextFallbackTranslator(app)
    if not path or not english.load(path):
        log.warning("the English plural forms in %s could not be read", path or "(missing)")
        return []
    app.installTranslator(english)
    return [english]


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    """Takes out translators ``install_translators`` installed: the window speaks English again."""
    for translator in translators:
        app.removeTranslator(translator)
    vocabulary.use_language("en")
    if _LOCALE_BEFORE:
        QLocale.setDefault(_LOCALE_BEFORE.pop())


def in_sentence(word: str) -> str:
    """A label used inside a sentence: lower case in English ("target: gold", "amount of X").

    German writes its nouns capitalised wherever they stand ("Ziel: Gold").
    """
    return word if vocabulary.language() == "de" else word.lower()


def check_language_actions(actions: dict[str, QAction], setting: str) -> None:
    """Makes View ▸ Language's entries one exclusive choice, the current setting checked."""
    group: QActionGroup | None = None
    for name, code in LANGUAGE_ACTIONS.items():
        action = actions.get(name)
        if action is None:
            continue
        if group is None:
            group = QActionGroup(action)
            group.setExclusive(True)
        action.setCheckable(True)
        action.setChecked(code == (setting if setting in LANGUAGES else SYSTEM))
        group.addAction(action)
