a = [1 2 3] > 2
b = true
c = ~b
d = true(2, 3)
