from closeness_tui.cli import main

main()
