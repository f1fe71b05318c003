t = true + true
class(t)
x = sum([1 5 3] > 2)
