repmat([1 2], 2, 2)
linspace(0, 1, 3)
