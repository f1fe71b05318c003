x = []
y = zeros(0, 3)
s = ''
