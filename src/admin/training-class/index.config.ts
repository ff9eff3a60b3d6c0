// One training class: its roster with attendance, enrolment (admin subpackage).
export default definePageConfig({ navigationBarTitleText: '培训班' });
