import { useState, type Ref } from 'react';
import type { AdminUserDto } from '../../../shared/contracts/users';
import { SearchField } from '../../components/ui/search-field';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { PICKER_SIZE } from './audit-api';
import { useStudentSearch, type StudentSearch } from './use-student-search';
import './office.css';

function summary(search: StudentSearch, q: string): string {
  switch (search.status) {
    case 'idle':
      return '';
    case 'loading':
      return `Looking for “${q}”…`;
    case 'error':
      return `Could not search: ${search.message}`;
    case 'ready': {
      const count = search.students.length;
      if (count === 0) return `No student or alumni account matches “${q}”. Check the spelling or try part of the email.`;
      const found = count === 1 ? 'One account matches' : `${count} accounts match`;
      return search.more ? `The first ${PICKER_SIZE} matches of “${q}”; type more of the name to narrow them.` : `${found} “${q}”. Choose one to see their trail.`;
    }
  }
}

type StudentPickerProps = {
  onChoose: (student: AdminUserDto) => void;
  /** For the page's "/" shortcut, which focuses the search box. */
  inputRef?: Ref<HTMLInputElement>;
};

/**
 * Choosing a student by name or email from the office's accounts: matches appear as buttons under the box while
 * typing (students and alumni only: theirs are the records staff open).
 */
export function StudentPicker({ onChoose, inputRef }: StudentPickerProps) {
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 250);
  const search = useStudentSearch(q);
  // While typing runs ahead of the answer, the old matches would be for another question.
  const current = q === text.trim();
  const matches = current && search.status === 'ready' ? search.students : [];

  return (
    <div className="student-picker">
      <SearchField ref={inputRef} id="audit-student-search" label="Show one student’s trail" hint="Type part of their name or email." value={text} onSearch={setText} />
      <p className={q === '' ? 'visually-hidden' : 'list-summary'} role="status">
        {current ? summary(search, q) : ''}
      </p>
      {matches.length > 0 ? (
        <ul className="picker-results" aria-label="Matching students and alumni">
          {matches.map((student) => (
            <li key={student.id}>
              <button
                type="button"
                className="picker-option"
                onClick={() => {
                  setText('');
                  onChoose(student);
                }}
              >
                <span className="picker-name">{student.name}</span>
                <span className="picker-meta">
                  {student.email}
                  {student.program ? ` · ${student.program}` : ''}
                  {student.role === 'alumni' ? ' · Alumni' : ''}
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
