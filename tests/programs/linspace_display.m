t = linspace(0, 1, 11)
