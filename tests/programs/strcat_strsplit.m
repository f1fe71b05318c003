s = strcat('ab', 'cd', 'ef')
