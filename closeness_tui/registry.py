"""Every screen by name: Home's entries (content/app.toml), the command palette and Help
open screens by these names (a unit test checks each entry names one here).

Values are "module:Class" strings, imported when first opened (keeps start-up fast).
"""

from __future__ import annotations

import importlib

from textual.screen import Screen

SCREENS: dict[str, str] = {
    "home": "closeness_tui.screens.home:HomeScreen",
    "settings": "closeness_tui.screens.settings:SettingsScreen",
    "help": "closeness_tui.screens.help:HelpScreen",
    "welcome": "closeness_tui.screens.welcome:WelcomeScreen",
    "setup": "closeness_tui.screens.setup:SetupScreen",
    "rituals": "closeness_tui.screens.rituals:RitualsScreen",
    "istatement": "closeness_tui.screens.istatement:IStatementScreen",
    "statement_builder": "closeness_tui.screens.statement_builder:StatementBuilderScreen",
    "statement_complaint": "closeness_tui.screens.statement_complaint:ComplaintScreen",
    "statement_library": "closeness_tui.screens.statement_library:LibraryScreen",
    "statement_practice": "closeness_tui.screens.statement_practice:PracticeScreen",
    "listening": "closeness_tui.screens.listening_setup:ListeningSetupScreen",
    "listening_history": "closeness_tui.screens.listening_history:ListeningHistoryScreen",
    "listening_detail": "closeness_tui.screens.listening_detail:ListeningDetailScreen",
    # The steps of a running session (opened by the session itself, never from Home);
    # registered so that Help can list their keys.
    "listening_ready": "closeness_tui.screens.listening_ready:ReadinessScreen",
    "listening_turn": "closeness_tui.screens.listening_turn:TurnScreen",
    "listening_summary": "closeness_tui.screens.listening_summary:SummaryScreen",
    "listening_rating": "closeness_tui.screens.listening_rating:RatingScreen",
    "listening_more": "closeness_tui.screens.listening_more:MoreScreen",
    "listening_reflect": "closeness_tui.screens.listening_reflect:ReflectScreen",
    "listening_swap": "closeness_tui.screens.listening_swap:SwapScreen",
    "listening_close": "closeness_tui.screens.listening_close:ClosingScreen",
    "listening_break": "closeness_tui.screens.listening_break:BreakScreen",
    "checkins": "closeness_tui.screens.checkins:CheckinsScreen",
    "nightly": "closeness_tui.screens.nightly:NightlyScreen",
    "gratitude": "closeness_tui.screens.gratitude:GratitudeScreen",
    "weekly": "closeness_tui.screens.weekly:WeeklyScreen",
    "journal": "closeness_tui.screens.journal:JournalScreen",
    "journal_entry": "closeness_tui.screens.journal_entry:JournalEntryScreen",
    "insights": "closeness_tui.screens.insights:InsightsScreen",
    "cards": "closeness_tui.screens.cards:CardsScreen",
    "cards_play": "closeness_tui.screens.cards_play:CardPlayScreen",
    "cards_question": "closeness_tui.screens.cards_question:DailyQuestionScreen",
    "profile": "closeness_tui.screens.profile:ProfileScreen",
    "profile_guess": "closeness_tui.screens.profile_guess:GuessScreen",
    "together": "closeness_tui.screens.together:TogetherScreen",
    "repair": "closeness_tui.screens.repair_start:RepairStartScreen",
    # The steps of a running after-a-fight talk (opened by the talk itself).
    "repair_write": "closeness_tui.screens.repair_write:RepairWriteScreen",
    "repair_rate": "closeness_tui.screens.repair_rate:RepairRateScreen",
    "repair_answer": "closeness_tui.screens.repair_answer:RepairAnswerScreen",
    "solve": "closeness_tui.screens.solve_start:SolveStartScreen",
    # The steps of a running solve-it-together talk (opened by the talk itself).
    "solve_step": "closeness_tui.screens.solve_write:SolveWriteScreen",
    "solve_ideas": "closeness_tui.screens.solve_ideas:SolveIdeasScreen",
    "solve_marks": "closeness_tui.screens.solve_marks:SolveMarksScreen",
    "solve_choose": "closeness_tui.screens.solve_choose:SolveChooseScreen",
    "solve_trial": "closeness_tui.screens.solve_trial:SolveTrialScreen",
    "solve_review": "closeness_tui.screens.solve_review:SolveReviewScreen",
}


def screen_class(name: str) -> type[Screen]:
    module, _, cls = SCREENS[name].partition(":")
    return getattr(importlib.import_module(module), cls)
