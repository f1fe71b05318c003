v = sort([3 1 2])(end)
