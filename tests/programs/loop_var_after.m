for k = 1:5
end
k
