isempty('')
isempty(' ')
