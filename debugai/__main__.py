from debugai.cli import main

main()
